return FakeAuthServer.Hosting.FakeAuthServerHost.Run(args);
