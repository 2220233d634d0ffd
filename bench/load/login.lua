-- wrk: POST /api/login with the seed's form fields, the request FakeAuthServer and the reference both answer with
-- 200 and a fresh user_id session cookie.
wrk.method = "POST"
wrk.body = "username=some_name&password=pass"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
