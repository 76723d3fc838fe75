"""A small library of webhook receivers that mount their own endpoints on the app they are given."""
from hooklib.blueprint import HookBlueprint
from hooklib.receiver import EventReceiver, SignedReceiver

__all__ = ["EventReceiver", "HookBlueprint", "SignedReceiver"]
