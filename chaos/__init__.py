"""A fault campaign against the whole running stack (`make chaos`)."""
