# Seed 002, section 4.2: one-off requests; the cookies from login are passed on by hand.
# The tutorial runs it twice: with {"username": "name", ...} (invalid) and with valid credentials.
import os
import sys
import requests

BASE = os.environ.get("SESSIONKIT_BASE_URL", "http://localhost:8000")

credentials = {"username": sys.argv[1], "password": sys.argv[2]}

login_response = requests.post(f"{BASE}/api/login", data=credentials)

login_cookies = login_response.cookies

print("Cookies returned from login:")
print(login_cookies.get_dict())
print("Login response:")
print(login_response.text)

response = requests.get(f"{BASE}/protected", cookies=login_cookies)

print("Protected route:")
print(response.status_code)
print(response.text)
