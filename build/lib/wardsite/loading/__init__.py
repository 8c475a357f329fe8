"""Loading and validating: one loader turns ward folders into a catalogue of valid wards and a list of problems."""
