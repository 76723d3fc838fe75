"""A partner integration whose views verify through a helper in another module."""
