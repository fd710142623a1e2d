"""The ground floor: small general helpers every other floor may use (atomic writes, the haversine and reverse
geocoder, word forms, photo files and names, the settings object, choices timed on this machine, study
logins and the one progress callback)."""
