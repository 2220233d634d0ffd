# Seed 002, section 4.2: a Session keeps the login cookie by itself.
import os
import requests

BASE = os.environ.get("SESSIONKIT_BASE_URL", "http://localhost:8000")

credentials = {"username": "some_name", "password": "pass"}


with requests.Session() as session:
    credentials = {"username": "some_name", "password": "pass"}

    login_response = session.post(f"{BASE}/api/login", data=credentials)

    print("Cookies returned from login:")
    print(session.cookies.get_dict())
    print("Login response:")
    print(login_response.text)

    response = session.get(f"{BASE}/protected")

    print("Protected route:")
    print(response.status_code)
    print(response.text)
