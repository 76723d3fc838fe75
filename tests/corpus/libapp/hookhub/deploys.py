import subprocess


def start_release(tag):
    subprocess.run(["/usr/local/bin/release", "--tag", str(tag)], check=False, timeout=600)
