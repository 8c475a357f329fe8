"""Open data published with the site: ward JSON, schema.org JSON-LD and an Open Referral (HSDS) export.

Every module here reads the validated catalogue and returns text; none reads files or the clock.
"""
