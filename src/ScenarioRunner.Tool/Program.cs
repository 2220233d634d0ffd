return await ScenarioRunner.Cli.Program.Main(args);
