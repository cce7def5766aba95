from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from rest_framework.authtoken.models import Token

from accounts import permissions, services, throttling
from accounts.forms import TokenHolderForm
from accounts.models import User
from config.errors import DomainError


class LoginView(auth_views.LoginView):
    """Sign in with an e-mail address; repeated failures for one address lock it for a while (HTTP 429)."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        email = request.POST.get("username", "")
        if throttling.is_locked(request, email):
            form = self.get_form()
            minutes = settings.LOGIN_LOCKOUT_SECONDS // 60
            form.add_error(
                None,
                ngettext(
                    "Too many failed attempts to sign in with this address. Try again in %(minutes)d minute, "
                    "or reset your password.",
                    "Too many failed attempts to sign in with this address. Try again in %(minutes)d minutes, "
                    "or reset your password.",
                    minutes,
                )
                % {"minutes": minutes},
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        throttling.record_failure(self.request, self.request.POST.get("username", ""))
        return super().form_invalid(form)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        throttling.forget(self.request, self.request.POST.get("username", ""))
        return super().form_valid(form)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The workstream at a glance; each app adds its own panel (`templates/<app>/_dashboard.html`)."""
    return render(request, "accounts/dashboard.html")


def _tokens_page(request: HttpRequest, *, new_token: Token | None = None) -> HttpResponse:
    is_co_lead = permissions.is_co_lead(request.user)
    tokens = Token.objects.select_related("user__organisation").order_by("user__email")
    if not is_co_lead:
        tokens = tokens.filter(user=request.user)
    context = {"tokens": tokens, "form": TokenHolderForm(), "is_co_lead": is_co_lead, "new_token": new_token}
    return render(request, "accounts/api_tokens.html", context)


@login_required
def api_tokens(request: HttpRequest) -> HttpResponse:
    """Tokens for REST clients: everyone sees their own; co-leads see, issue and revoke everyone's."""
    return _tokens_page(request)


@login_required
@require_POST
def issue_api_token(request: HttpRequest) -> HttpResponse:
    holder = request.user
    if "email" in request.POST:
        form = TokenHolderForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors["email"]))
            return redirect("accounts:api_tokens")
        holder = form.cleaned_data["email"]
    try:
        token = services.issue_api_token(user=holder, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("accounts:api_tokens")
    # The key is shown once, on this answer; afterwards only its first characters are.
    return _tokens_page(request, new_token=token)


@login_required
@require_POST
def revoke_api_token(request: HttpRequest, user_id: int) -> HttpResponse:
    holder = get_object_or_404(User, pk=user_id)
    try:
        services.revoke_api_token(user=holder, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The API token of %(email)s is revoked.") % {"email": holder.email})
    return redirect("accounts:api_tokens")
