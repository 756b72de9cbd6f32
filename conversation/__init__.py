"""The conversation: one text in, one reply out. The engine runs guided flows and
registered commands over the domain."""
