# Seed 002, section 4.1: send cookies, read them back from response.cookies.
import os
import requests

BASE = os.environ.get("SESSIONKIT_BASE_URL", "http://localhost:8000")

custom_cookies = {"user_id": "2"}

response = requests.get(f"{BASE}/api/cookies", cookies=custom_cookies)

print(response.cookies.get_dict())
print(response.cookies["user_id"])
