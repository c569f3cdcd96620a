// TensorsTests (scaffolding)
