"""ACLED's event taxonomy: sub-event type -> event type -> disorder type, and its actor-type (inter) codes."""

from __future__ import annotations

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Shelling/artillery/missile attack", "Air/drone strike", "Suicide bomb",
                                   "Remote explosive/landmine/IED", "Grenade", "Chemical weapon"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}
SUB_EVENT_TYPES: tuple[str, ...] = tuple(s for subs in EVENT_TYPES.values() for s in subs)
EVENT_TYPE_OF: dict[str, str] = {s: e for e, subs in EVENT_TYPES.items() for s in subs}

DISORDER_OF_EVENT_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

# ACLED inter codes
STATE, REBELS, POLITICAL_MILITIA, IDENTITY_MILITIA, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = range(1, 9)


def event_type_of(sub_event_type: str) -> str:
    """The ACLED event type of a sub-event type (KeyError for a misspelt one)."""
    return EVENT_TYPE_OF[sub_event_type]


def disorder_type_of(sub_event_type: str) -> str:
    """ACLED's disorder type: Political violence, Demonstrations or Strategic developments.

    ACLED codes "Excessive force against protesters" as political violence (the force, not the protest,
    is the event), and mob violence / violent demonstrations as political violence.
    """
    if sub_event_type == "Excessive force against protesters":
        return "Political violence"
    return DISORDER_OF_EVENT_TYPE[EVENT_TYPE_OF[sub_event_type]]


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's interaction code: the two inter codes as a sorted pair (1 and 8 -> 18; 2 alone -> 20)."""
    if not inter1 and not inter2:
        return 0
    if not inter2:
        return inter1 * 10
    if not inter1:
        return inter2 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def state_inter(actor_country: str | None, event_country: str | None) -> int:
    """A state force is 1 in its own country and 8 (external) in another (ACLED's convention)."""
    if actor_country and event_country and actor_country != event_country:
        return EXTERNAL
    return STATE
