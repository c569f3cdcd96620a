// Bindings: see README.md. (Scaffolding: replaced by the target's real files.)
