"""Benchmarks send thousands of requests from one address: API rates high enough never to refuse, for the
in-process client and for the servers the benchmarks start. Every request is still counted."""

import os

from django.conf import settings

RATE = "100000000/minute"
settings.API_THROTTLE_RATES = {"anon": RATE, "account": RATE}
os.environ["API_ANON_RATE"] = os.environ["API_ACCOUNT_RATE"] = RATE
