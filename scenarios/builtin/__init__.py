"""The built-in scenario files shipped with Repliq (one YAML file per scenario)."""
