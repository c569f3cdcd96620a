// NotebookTests (scaffolding)
