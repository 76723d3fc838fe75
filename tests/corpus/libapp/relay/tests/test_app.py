from relay.app import app


def test_rejects_large_bodies():
    # Only the test client gets a limit; the deployed app still has none.
    app.config["MAX_CONTENT_LENGTH"] = 1024
    client = app.test_client()
    assert client.post("/hooks/messages", data=b"x" * 4096).status_code == 413
