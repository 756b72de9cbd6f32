"""One file per guided conversation. Each declares `FLOW` (`conversation.flow.Flow`): its
steps, its triggers and its submit function; `conversation.registry` finds them."""
