"""The bot's own state (subscriptions, settings, saved queries, rotation, deliveries), apart
from the corpus. See bot/state/store.py."""

from bot.state.backends import StateError
from bot.state.store import Claim, Delivery, State, memory_state, nonce_for, open_state

__all__ = ["Claim", "Delivery", "State", "StateError", "memory_state", "nonce_for", "open_state"]
