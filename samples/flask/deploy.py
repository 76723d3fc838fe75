"""Deployment queue used by the webhook samples (no request handling here)."""
import queue

pending = queue.Queue()


def schedule_deploy(commit_sha):
    pending.put(commit_sha)
