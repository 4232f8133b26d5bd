"""The simulated customer: how they react to each student turn, driven by the scenario file
only (no scenario-specific code). Each kind of reaction lives in its own module:

- `discovery`: which fact a question asks (a follow-up gets what her other lines add), or a
  deflection when the scenario does not cover it; `facts`: where she tells a fact;
- `manners`: the introduction, rudeness, monologues, off-topic lines;
- `listening`, `arguments`: reformulation, empathy, control questions, arguments, proofs;
- `objections`: when she raises one, when an answer lifts it, when it is ignored;
- `claims`: where she doubts a guaranteed result, a gift no policy allows, a promise taken
  back or a discount the seller may not give;
- `negotiation`: where she reacts to a price, a discount, a counterpart;
- `closing`: where she accepts or refuses the deal;
- `choices`: where she picks one of two options the student offers;
- `appointments`, `complaint`: slots and call-backs; solutions, gestures, legal rights;
- `people`: who answers when several people are there, the gatekeeper's filter (who, why,
  where her manager is, no gift, no booking), "c'est moi";
- `progress`: the phase of the meeting and the handover to another person (on the phone, the
  gatekeeper's "ne quittez pas" is her own turn: `CustomerTurn.before`);
- `ending`: where she hangs up, ends the meeting or says goodbye;
- `reply`: the parts of a reply, their kinds and priorities, and how one reply is composed;
- `rules`: every number she decides with (docs/customer.md quotes them all).
"""

from .appointments import minutes, spoken
from .core import Customer
from .reply import CustomerTurn, Priority, ReplyKind, ReplyPart
from .rules import Rules

__all__ = ["Customer", "CustomerTurn", "Priority", "ReplyKind", "ReplyPart", "Rules", "minutes",
           "spoken"]
