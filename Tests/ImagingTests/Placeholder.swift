// ImagingTests (scaffolding)
