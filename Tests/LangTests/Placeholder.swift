// LangTests (scaffolding)
