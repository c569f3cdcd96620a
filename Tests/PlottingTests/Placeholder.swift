// PlottingTests (scaffolding)
