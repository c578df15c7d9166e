"""Event triggers: which ACLED sub-event type a sentence describes, by rules a coder would state.

Each rule is a regular expression with a strength: 3 is decisive (a suicide bomber is a suicide bomb
whatever else the sentence says), 2 a clear trigger, 1 a weak hint the classifier may overrule. Rules are
written for news prose and for ACLED's own notes alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_I = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class TriggerHit:
    sub_event_type: str
    strength: int
    start: int
    end: int
    text: str


_GOV = (r"(?:government|army|military|armed forces|troops|soldiers|security forces|national army|defen[cs]e forces|"
        r"[A-Z][a-z]+(?:i|ian|ese|an|ish) (?:army|forces|troops|military))")
_NONSTATE = r"(?:Taliban|militants?|rebels?|insurgents?|fighters|Islamic State|IS|ISIS|al-Shabaab|Houthis?|jihadists?|separatists?|RSF|M23|HTS)"
_TAKE = r"(?:retook|retaken|recaptured|regained|liberated|liberating|liberation of|took (?:back |full )?control|taken (?:back |full )?control|captured|seized|took over(?! from| as| the (?:presidency|leadership|chair|post|role|office|ministry|company|running))|overran|overtook|freed|cleared)"
_PLACE_OBJ = (r"(?:villages?|towns?|cit(?:y|ies)|settlements?|district|areas?|territor(?:y|ies)|heights|hills?|positions?|"
              r"check ?points?|check ?posts?|bases?|outposts?|posts?|points?|strongholds?|[A-Z][\w'-]+)")

RULES: list[tuple[str, int, str, int]] = [
    # Explosions / remote violence
    ("Chemical weapon", 3, r"\bchemical (?:weapons?|attack|agents?|munitions?)|\b(?:chlorine|sarin|mustard) gas\b|\bnerve agents?\b|\btoxic (?:gas|chemicals?) (?:attack|shells?|munitions?)", _I),
    ("Suicide bomb", 3, r"\bsuicide (?:bomb(?:er|ing)?s?|attack(?:er)?s?|car bomb(?:er)?|vest|truck bomb|blast|explosion)|\bSVBIEDs?\b|\bblew (?:himself|herself|themselves) up\b|\bsuicide bombers?\b", _I),
    ("Grenade", 3, r"\b(?:hand[- ])?grenades?\b(?! launchers?)(?<!propelled grenade)(?<!propelled grenades)", _I),
    ("Remote explosive/landmine/IED", 2, r"\b(?:IEDs?|roadside bombs?|land ?mines?|(?:hit|struck|stepped on|ran (?:onto|over|into)|drove (?:over|onto)|triggered|detonated|planted|laid|defused|anti-(?:tank|personnel)|naval|sea|killed by|wounded by|injured by|hit by) (?:an? |the )?(?:[\w'-]+ )?mines?\b|mines? (?=(?:exploded|explosion|blast|went off|detonated))|explosive devices?|improvised explosive|car bombs?|magnetic (?:bomb|mine)s?|sticky bombs?|bomb(?:s)? (?:planted|placed|attached)|planted (?:bomb|mine|explosive)s?|[\w-]+-planted|booby[- ]trap\w*|remote(?:ly)?[- ]controlled (?:bomb|explosive|device)|unexploded ordnance|UXO|explosion of (?:an? )?(?:unidentified )?(?:explosive|mine|landmine)|bomb (?:blast|explosion)|(?:bomb|blast|explosion) (?:hit|struck|went off|exploded|detonated))", _I),
    ("Air/drone strike", 2, r"\b(?:air ?strikes?|air[- ]raids?|aerial (?:attack|bombardment|strike)s?|drone (?:strike|attack)s?|(?:struck|attacked|bombed|hit) by (?:an? )?(?:drones?|UAVs?|warplanes?|aircraft|helicopters?|jets?)|(?:warplanes?|fighter jets?|bombers?|helicopter gunships?|attack helicopters?|attack aircraft|combat drones?|UAVs?|aircraft|drones?) (?:bombed|struck|attacked|strafed|fired|hit|launched|conducted|carried out)|launched (?:air ?strikes|airstrikes|an air ?strike)|kamikaze drones?|loitering munitions?|used a drone|bombarded from the air)", _I),
    ("Shelling/artillery/missile attack", 2, r"\b(?:shell(?:ed|ing|s)|artillery (?:fire|strikes?|attacks?|shells?)|mortars? (?:fire|shells?|rounds?|attacks?)|fired (?:\w+ ){0,3}?(?:mortars?|rockets?|missiles?|artillery|shells?|an RPG|RPGs?)|launched (?:\w+ ){0,3}?(?:rockets?|missiles?)|rockets? (?:fire|attacks?|hit|struck|landed)|missiles? (?:attacks?|strikes?|hit|struck)|ballistic missiles?|cruise missiles?|MLRS|multiple rocket launchers?|Grad rockets?|howitzers?|primarily heavy weapons|long range weapons|heavy weapons|RPGs?|rocket-propelled grenades?|using (?:various weapons, including )?artillery|(?:with|using) (?:artillery|mortars|missiles|rockets))", _I),
    # Battles
    ("Non-state actor overtakes territory", 2, rf"\b{_NONSTATE}\b[^.;]{{0,80}}?\b(?:overtook|overran|captured|seized|took (?:over|control of)|gained control of)\b", 0),
    ("Government regains territory", 2, rf"\b{_TAKE}\b[^.;]{{0,60}}?\b{_PLACE_OBJ}", _I),
    ("Armed clash", 2, r"\b(?:clash(?:ed|es)?|fighting|fought|firefights?|gun ?battles?|gunfights?|exchange(?:d)? of fire|exchanged fire|skirmish(?:es)?|ambush(?:ed|es)?|repulsed|repelled|offensive|counter-?attack|stormed|assault(?:ed)? on|fired with (?:small arms|sniper|heavy machine|automatic)|small arms|sniper rifles?|machine ?guns?|opened fire on (?:the )?(?:positions|soldiers|troops|police|security)|attack(?:ed|s)? (?:on )?(?:an? |the )?(?:\d+ )?(?:check ?points?|check ?posts?|security posts?|outposts?|military (?:base|post|convoy|position)s?|police (?:station|post|headquarters|check ?point)s?|positions)|(?:army|military|security|clearance|counter-?terrorism|counter-?insurgency) (?:operations?|raids?)|raids? (?:by|on|against)|operations? (?:by|against)|infiltrator attack|insider attack|(?:killed|wounded|injured|shot|targeted) by (?:an? |the )?(?:\w+ ){0,2}(?:militants?|Taliban|insurgents?|rebels?|forces|soldiers|troops|police(?:men)?|snipers?|commandos?)|attacks? by (?:\w+ ){0,2}(?:militants|Taliban|insurgents|rebels|fighters|gunmen)|attacked (?:an? |the |\d+ )?(?:\w+ ){0,3}(?:posts?|convoy|check ?points?|bases?|patrol|APCs?|tanks?|Humvees?)|snipers?|fired (?:at|on) (?:\w+ ){0,2}(?:soldiers|troops|policemen|servicemen|positions)|destroyed (?:a |the )?(?:military )?convoy|fired at the positions|violat\w+ (?:the )?ceasefire)", _I),
    # Violence against civilians
    ("Sexual violence", 3, r"\b(?:rap(?:ed|es|ing|e)|sexual(?:ly)? (?:assault|abuse|violence|exploitation|slavery)\w*|gang-?raped?)\b", _I),
    ("Abduction/forced disappearance", 3, r"\b(?:abduct(?:ed|ion|s|ing)?|kidnap(?:ped|ping|s)?|took [\w\s]{0,30}hostage|taken hostage|held hostage|hostages?|forcibly disappeared|enforced disappearance|forced disappearance)\b", _I),
    ("Attack", 1, r"\b(?:civilians?|villagers?|residents?|shepherds?|sheperds?|farmers?|teachers?|scholars?|journalists?|activists?|employees?|passengers?|worshippers|bloggers?|children|women)\b[^.;]{0,60}\b(?:killed|shot|beaten|beat|murdered|stabbed|attacked|executed|injured|wounded|tortured)\b|\b(?:killed|shot|beat|beaten|murdered|stabbed|attacked|executed|tortured|opened fire (?:on|at))\b[^.;]{0,40}\b(?:civilians?|villagers?|residents?|shepherds?|farmers?|a man|a woman|a child|children|people|journalists?|activists?|teachers?|students?|doctors?|nurses?|aid workers?|worshippers|passengers?|elders?|cargo truck|civilian (?:car|vehicle|house|truck|building))", _I),
    # Protests and riots
    ("Excessive force against protesters", 2, r"\b(?:(?:opened fire|fired live (?:ammunition|rounds)|shot dead|killed|stabbed|attacked|beat)\b[^.;]{0,40}\b(?:protesters|protestors|demonstrators)|(?:protesters|protestors|demonstrators)[^.;]{0,40}\b(?:were|was) (?:shot|killed|stabbed|attacked)|live ammunition|attacked protesters|(?:have been|were|was|been) (?:attacked|stabbed) by an? (?:unknown|unidentified)|stab wounds|knife injur\w+)", _I),
    ("Protest with intervention", 2, r"\b(?:police(?:men)?|security forces|law enforcement|officers)\b[^.;]{0,60}\b(?:used force|blocked the group|dispers\w+|detain\w*|arrest\w*|blocked the (?:group|protesters|march)|interfer\w+|broke up|tear ?gas|water cannons?|rubber bullets|prevented|removed|pushed back)|\b(?:protesters?|protestors?|demonstrators?|activists|participants)\b[^.;]{0,60}\b(?:were|was|have been|had been|been) (?:detained|arrested|dispersed)|\b(?:dispersed|detained|arrested) (?:by (?:the )?police|[^.;]{0,30}(?:protesters?|protestors?|demonstrators?))", _I),
    ("Violent demonstration", 2, r"\b(?:(?:protesters?|protestors?|demonstrators?|rioters?|crowd)\b[^.;]{0,60}\b(?:clash(?:ed)?|threw|hurled|pelted|stormed|vandali[sz]ed|set (?:on )?fire|torched|burn(?:ed|t)|smashed|attacked|broke into|brawl(?:ed)?|scuffle[sd]?|fought)|grew into a brawl|scuffles? (?:broke out|erupted|between)|riot(?:s|ed|ing|ers)?\b|clash(?:es|ed)? (?:of (?:the )?(?:demonstrators|protesters) )?(?:with|between)[^.;]{0,40}\bpolice|(?:during|in) the (?:march|rally|protest)[^.;]{0,30}\b(?:attacked|threw)|threatened with stones|mass fight)", _I),
    ("Mob violence", 1, r"\b(?:mob|vigilantes?|lynch(?:ed|ing)?|(?:an? )?(?:unidentified )?group (?:of [^.;]{0,40})?(?:attacked|broke into|beat)|\d+ people attacked|attacked by (?:a group|about \d+|\d+ )|broke into (?:the )?(?:bus|house|office|headquarters)|group of (?:\w+ ){0,3}(?:men|people|villagers|residents|students|activists)[^.;]{0,60}\b(?:attacked|beat|stoned|assaulted)|(?:villagers|residents|men) (?:beat|stoned|attacked|assaulted)|beat up and stoned|brawl(?:ed)?)\b", _I),
    ("Peaceful protest", 1, r"\b(?:protest(?:ed|s|ing|ers?|ors?)?|rall(?:y|ies|ied)|demonstrat(?:ion|ions|ed|ors?)|picket(?:ed|s)?|(?-i:march(?:ed|es)?)|sit-in|hunger strike|went on strike|staged a strike|gathered (?:outside|in front|near|at)|blocked the (?:road|highway|street|entrance)|closed the road)\b", _I),
    # Strategic developments
    ("Agreement", 3, r"\b(?:surrender(?:ed|s)?|laid down (?:their|his) (?:arms|weapons)|signed (?:an? |the )?(?:peace |ceasefire )?(?:agreement|deal|accord)|(?:peace|ceasefire) (?:agreement|deal|accord) (?:was |were )?(?:signed|agreed|reached)|agreed (?:to|on) (?:a |the )?(?:ceasefire|truce|exchange|swap)|(?:prisoner|prisoners') (?:swap|exchange)|swap of (?:\w+ )?(?:war )?prisoners|cessation of hostilities|truce (?:was )?agreed|reconcil\w+ with the government|joined the peace process)", _I),
    ("Arrests", 2, r"\b(?:arrested|detained|taken into custody|apprehended|rounded up|held in custody|arrest warrant executed)\b", _I),
    ("Change to group/activity", 2, r"\b(?:joined (?:the )?(?:Taliban|militants?|rebels?|insurgents?|Islamic State|government)|switched sides|defected|defection|military (?:exercises?|drills?)|(?:snap|joint|tactical|live-fire) (?:military )?(?:exercises?|drills?)|(?:conducted|held|started|undertook) (?:\w+ ){0,3}(?:exercises?|drills?)|deployed (?:a |an |additional |more )?(?:unit|troops|forces|battalion|brigade|military police)|redeploy\w*|installed a new position|new (?:military )?positions?|announced (?:the )?creat\w+|formed a (?:new )?(?:group|party|militia|alliance)|(?:merged|merger) with|splinter(?:ed)? group|troop (?:build-?up|reinforcements?)|mobili[sz](?:ed|ation)|recruit(?:ed|ment) (?:drive|campaign))", _I),
    ("Disrupted weapons use", 3, r"\b(?:defus(?:ed|al)|(?:detonated|exploded) prematurely|bomb disposal|(?:seized|confiscated|discovered|found|uncovered) (?:\w+ ){0,4}(?:weapons|arms|ammunition|explosives|firearms|IEDs?|mines|rockets?|caches?)|weapons? caches?|arms caches?|shot down|intercepted (?:a |an |\d+ )?(?:drones?|missiles?|rockets?|UAVs?)|neutrali[sz]ed (?:a |an |\d+ )?(?:drones?|IEDs?|mines?|explosives?)|raid uncovered)", _I),
    ("Headquarters or base established", 3, r"\b(?:establish(?:ed|es|ing)|set up|opened|built|erect(?:ed)?|creat(?:ed|es))\s+(?:\w+\s+){0,4}?(?:headquarters|base|HQ|outpost|command cent(?:re|er)|garrison|camp)\b|\b(?:headquarters|base|outpost) (?:was|were|has been) (?:established|set up|opened)", _I),
    ("Looting/property destruction", 2, r"\b(?:loot(?:ed|ing|s)?|plunder(?:ed|ing)?|pillag(?:ed|ing)|ransack(?:ed|ing)?|torched (?:\w+ ){0,3}(?:houses?|homes?|shops?|property|villages?|schools?|vehicles?)|(?:set fire to|burn(?:ed|t) down|destroyed|demolished|razed) (?:\w+ ){0,3}(?:houses?|homes?|shops?|property|properties|villages?|schools?|crops|livestock)|damaging (?:\w+ ){0,3}(?:livestock|property|crops|houses?)|confiscated (?:\w+ ){0,3}(?:property|land|houses?|livestock)|stole|stolen)\b", _I),
    ("Non-violent transfer of territory", 2, r"\b(?:handed over (?:control of )?(?:the )?(?:\w+ ){0,3}(?:district|town|city|village|territory|area|region|base)|(?:withdrew|pulled out|retreated) (?:\w+ ){0,3}(?:without (?:a )?fight(?:ing)?|peacefully)|(?:entered|took over) [^.;]{0,40}without (?:a )?(?:fight|fighting|resistance)|returned to (?:\w+ )?(?:control|jurisdiction)|transfer(?:red)? (?:of )?control|(?:district|region|territory) was returned)", _I),
    ("Other", 1, r"\b(?:freed|released|rescued|resign(?:ed|ation)|stepped down|sentenced|imprison\w*|court (?:decided|ruled|sentenced)|repeal(?:ed)?|dismiss(?:ed|al)|appointed|inaugurat\w+)\b", _I),
]

_COMPILED = [(sub, strength, re.compile(pattern, flags)) for sub, strength, pattern, flags in RULES]


def find_triggers(text: str) -> list[TriggerHit]:
    """Every rule that fires on ``text``, strongest first, then by position."""
    hits = []
    for sub, strength, regex in _COMPILED:
        for m in regex.finditer(text):
            hits.append(TriggerHit(sub, strength, m.start(), m.end(), m.group(0)))
            break  # one hit per rule is enough to type the text
    hits.sort(key=lambda h: (-h.strength, h.start))
    return hits
