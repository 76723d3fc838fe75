"""A CI status service whose modules share one bytes/text conversion helper: the change hook
feeds it an HMAC, the rest feeds it realms, buffers and URLs."""
