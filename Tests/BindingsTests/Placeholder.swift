// BindingsTests (scaffolding)
