"""Sign-in views of an accounts package: where to send the user next after a login or logout."""
