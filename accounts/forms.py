from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User


class TokenHolderForm(forms.Form):
    """Pick the account that a co-lead issues an API token for."""

    email = forms.EmailField(label=_("E-mail address of the account"))

    def clean_email(self) -> User:
        email = self.cleaned_data["email"]
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise forms.ValidationError(_("No account uses %(email)s. Check the address.") % {"email": email})
        return user
