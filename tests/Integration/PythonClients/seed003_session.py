# Seed 003, "Using a Session": cookies persist in a Session and are forgotten by the functional API.
import os
import requests

BASE = os.environ.get("SESSIONKIT_BASE_URL", "http://localhost:8000")

s = requests.Session()
login_required_url = f"{BASE}/cookies"
response1 = s.get(login_required_url)
print("Cookies sent (should be none):", response1.json())

cookie_setter_url = f"{BASE}/cookies/set/sessioncookie/123456789"
response2 = s.get(cookie_setter_url)
print("Session cookies after setting:", s.cookies.get_dict())

response3 = s.get(login_required_url)
print("Cookies sent (should have sessioncookie):", response3.json())

response4 = requests.get(cookie_setter_url)
response5 = requests.get(login_required_url)
print("Cookies sent via functional API (should be none):", response5.json())
