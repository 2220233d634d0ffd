# Seed 001, "Simple HTTP session with cookies": the standard library's cookie jar against httpbin's endpoints.
import os
import urllib.request
import http.cookiejar

BASE = os.environ.get("SESSIONKIT_BASE_URL", "http://localhost:8000")

# Create a CookieJar to store cookies
cookie_jar = http.cookiejar.CookieJar()
handler = urllib.request.HTTPCookieProcessor(cookie_jar)
opener = urllib.request.build_opener(handler)

# Perform a GET request (cookies will be stored)
url = f"{BASE}/cookies/set?mycookie=value"
response = opener.open(url)
print(response.read().decode("utf-8"))

# Perform another request (cookies sent automatically)
url2 = f"{BASE}/cookies"
response2 = opener.open(url2)
print(response2.read().decode("utf-8"))
