"""Settings: environment, local profile, secrets masked, children see what the parent saw."""

from __future__ import annotations

import pytest

from sitrep.settings import Settings, settings_env


def test_local_profile_sets_stand_in_values_but_explicit_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_KAFKA__HEARTBEAT_INTERVAL_S", "2.5")
    settings = Settings()
    assert settings.kafka.session_timeout_s == 6.0
    assert settings.kafka.producer_max_batch_size == 16
    assert settings.kafka.heartbeat_interval_s == 2.5


def test_production_profile_keeps_client_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_PROFILE", "production")
    settings = Settings()
    assert settings.kafka.session_timeout_s == 30.0
    assert settings.kafka.replication_factor == 3


def test_bootstrap_follows_local_ports_unless_pointed_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_SERVICES__KAFKA_PORT", "29092")
    assert Settings().kafka.bootstrap == "127.0.0.1:29092"
    assert Settings().local_kafka_wanted
    monkeypatch.setenv("SITREP_KAFKA__BOOTSTRAP", "kafka-1:9092,kafka-2:9092")
    settings = Settings()
    assert settings.kafka.bootstrap_servers == ["kafka-1:9092", "kafka-2:9092"]
    assert not settings.local_kafka_wanted


def test_secrets_are_masked_and_passed_to_children(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_ELASTICSEARCH__API_KEY", "s3cret-key")
    settings = Settings()
    assert "s3cret-key" not in str(settings.masked())
    assert "s3cret-key" not in repr(settings)
    env = settings_env(settings)
    assert env["SITREP_ELASTICSEARCH__API_KEY"] == "s3cret-key"
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert Settings() == settings


def test_client_configs_carry_credentials() -> None:
    settings = Settings(
        profile="production",
        kafka={"bootstrap": "k:9093", "security_protocol": "SASL_SSL", "sasl_mechanism": "SCRAM-SHA-512",
               "sasl_username": "u", "sasl_password": "p", "ssl_cafile": "/ca.pem"},
        elasticsearch={"url": "https://es:9200", "username": "elastic", "password": "pw", "ca_certs": "/ca.pem"},
    )
    kafka = settings.kafka.kafka_python_config()
    assert kafka["sasl_plain_password"] == "p" and kafka["ssl_cafile"] == "/ca.pem"
    es = settings.elasticsearch.client_kwargs()
    assert es["basic_auth"] == ("elastic", "pw") and es["ca_certs"] == "/ca.pem"
