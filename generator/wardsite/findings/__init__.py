"""What is worked out from the validated catalogue: review dates, reading age, availability and its exports,
accessibility results, the check report."""
