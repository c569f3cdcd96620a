// CLITests (scaffolding)
