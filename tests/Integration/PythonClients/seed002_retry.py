# Seed 002, section 4.3: retries mounted on a Session with urllib3's Retry, against /flaky.
# Changes: the base URL (SESSIONKIT_BASE_URL) is also the mount prefix, and /flaky gets ?seed= from argv
# so the sequence of 500s and 200s is reproducible.
import logging
import os
import sys
import requests
from requests.adapters import HTTPAdapter
from requests.exceptions import RetryError
from urllib3.util.retry import Retry

BASE = os.environ.get("SESSIONKIT_BASE_URL", "http://localhost:8000")

# Capture all messages from urllib3 library
logging.basicConfig(level=logging.DEBUG)
requests_log = logging.getLogger("urllib3")
requests_log.setLevel(logging.DEBUG)
requests_log.propagate = True

session = requests.Session()
retries = Retry(
    total=3, backoff_factor=0.1, status_forcelist=[500], allowed_methods={"GET"}
)
session.mount(BASE, HTTPAdapter(max_retries=retries))

try:
    response = session.get(f"{BASE}/flaky?seed={sys.argv[1]}")

    print("Final response status:", response.status_code)
except RetryError:
    print("Maximum rettries exceeded. Server is not available.")
