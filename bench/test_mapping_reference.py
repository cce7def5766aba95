"""Timings of reference loading and of the public reference API (printed, never asserted)."""

import io
import time

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse


@pytest.mark.django_db
def test_load_reference_first_and_second_run() -> None:
    for label in ["first", "second"]:
        started = time.perf_counter()
        call_command("load_reference", stdout=io.StringIO())
        print(f"BENCH mapping_load_reference_{label}_run {time.perf_counter() - started:.2f} s")


@pytest.mark.django_db
def test_reference_api_lists() -> None:
    call_command("load_reference", stdout=io.StringIO())
    client = Client()
    for name in ["sdg-indicator-list", "framework-list", "crosswalk-list"]:
        url = reverse(f"api:mapping:{name}")
        client.get(url)
        rounds = 30
        started = time.perf_counter()
        for _ in range(rounds):
            assert client.get(url).status_code == 200
        print(f"BENCH mapping_api_{name} {(time.perf_counter() - started) / rounds * 1000:.1f} ms")
