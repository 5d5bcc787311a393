"""Thin views: ``get_owned`` for every object, a form for every input, a service for the rest."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from attunement.followup import services
from attunement.followup.forms import (
    CommitmentForm,
    DoneForm,
    MemoryCardForm,
    NewCommitmentForm,
)
from attunement.followup.models import Commitment, MemoryCard
from attunement.followup.prep import preparation_for
from attunement.practice import services as practice
from attunement.practice.access import GET_POST, get_owned, owns
from attunement.practice.models import Client


@login_required
@GET_POST
@owns(Client)
def ledger(request: HttpRequest, pk: int) -> HttpResponse:
    client = get_owned(Client, request, pk=pk)
    form = NewCommitmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.client = client  # added by hand: confirmed from the start
        form.save()
        return redirect("followup_ledger", pk=client.pk)
    practice.audit(request.user, client, "view commitments", request.path)
    context = {"client": client, "ledger": services.ledger_for(client), "form": form}
    status = 400 if request.method == "POST" else 200
    return render(request, "followup/ledger.html", context, status=status)


@login_required
@GET_POST
@owns(Commitment)
def commitment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = get_owned(Commitment, request, pk=pk)
    form = CommitmentForm(request.POST or None, instance=commitment)
    if request.method == "POST" and form.is_valid():
        services.keep_done_at_in_step(form.instance)
        form.save()
        return redirect("followup_ledger", pk=commitment.client_id)
    context = {"form": form, "title": "Edit the commitment", "client": commitment.client}
    return render(request, "practice/form.html", context, status=400 if form.errors else 200)


def _back_to_row(commitment: Commitment) -> HttpResponse:
    # The ledger is long: return to the row the coach just changed, not to the top.
    url = reverse("followup_ledger", args=[commitment.client_id])
    return redirect(f"{url}#commitment-{commitment.pk}")


@login_required
@require_POST
@owns(Commitment)
def commitment_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = get_owned(Commitment, request, pk=pk)
    services.confirm_commitment(commitment)
    return _back_to_row(commitment)


@login_required
@require_POST
@owns(Commitment)
def commitment_done(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = get_owned(Commitment, request, pk=pk)
    form = DoneForm(request.POST)
    reflected = form.is_valid() and bool(form.cleaned_data["reflected"])
    services.mark_done(commitment, reflected=reflected)
    return _back_to_row(commitment)


@login_required
@require_POST
@owns(Commitment)
def commitment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = get_owned(Commitment, request, pk=pk)
    client_id = commitment.client_id
    commitment.delete()
    return redirect("followup_ledger", pk=client_id)


@login_required
@GET_POST
@owns(Client)
def memory(request: HttpRequest, pk: int) -> HttpResponse:
    client = get_owned(Client, request, pk=pk)
    form = MemoryCardForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.client = client
        form.instance.confirmed = True  # written by the coach: nothing to confirm
        form.save()
        return redirect("followup_memory", pk=client.pk)
    practice.audit(request.user, client, "view memory cards", request.path)
    cards = list(client.memory_cards.select_related("session").order_by("kind", "created"))  # type: ignore[attr-defined]
    context = {
        "client": client,
        "form": form,
        "proposed": [c for c in cards if not c.confirmed],
        "confirmed": [c for c in cards if c.confirmed],
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "followup/memory.html", context, status=status)


@login_required
@GET_POST
@owns(MemoryCard)
def card_edit(request: HttpRequest, pk: int) -> HttpResponse:
    card = get_owned(MemoryCard, request, pk=pk)
    form = MemoryCardForm(request.POST or None, instance=card)
    if request.method == "POST" and form.is_valid():
        form.instance.confirmed = True  # the coach has read and corrected it
        form.save()
        return redirect("followup_memory", pk=card.client_id)
    context = {"form": form, "title": "Edit the memory card", "client": card.client}
    return render(request, "practice/form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
@owns(MemoryCard)
def card_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    card = get_owned(MemoryCard, request, pk=pk)
    services.confirm_card(card)
    # Back to the cards still to check (the confirmed one moved below), not the top of the page.
    return redirect(reverse("followup_memory", args=[card.client_id]) + "#found")


@login_required
@GET_POST
@owns(MemoryCard)
def card_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks first (a confirmed card links here: the coach checked it, so losing it by a
    stray tap costs something); POST deletes, as the button on a proposal does straight away."""
    card = get_owned(MemoryCard, request, pk=pk)
    if request.method != "POST":
        return render(request, "followup/card_delete.html", {"card": card, "client": card.client})
    client_id = card.client_id
    card.delete()
    return redirect("followup_memory", pk=client_id)


@login_required
@owns(Client)
def prepare(request: HttpRequest, pk: int) -> HttpResponse:
    client = get_owned(Client, request, pk=pk)
    practice.audit(request.user, client, "view preparation", request.path)
    engagement = practice.engagement_for(client)
    prep = preparation_for(client, engagement, timezone.now())
    return render(request, "followup/prepare.html", {"client": client, "prep": prep})
