"""The console's forms (Flask-WTF: every POST carries a CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from vocabulary import POVERTY_CAUSES


class NoteForm(FlaskForm):  # type: ignore[misc]
    note = TextAreaField("备注", validators=[Optional(), Length(max=500)])


class ProofForm(FlaskForm):  # type: ignore[misc]
    photo = FileField("送达照片", validators=[FileRequired("请先选一张照片")])


class ReasonForm(FlaskForm):  # type: ignore[misc]
    reason = TextAreaField("原因", validators=[DataRequired("请写明原因"), Length(max=500)])


class QuestionForm(FlaskForm):  # type: ignore[misc]
    question = TextAreaField("问家庭", validators=[DataRequired("请写下问题"), Length(max=300)])


class CauseForm(FlaskForm):  # type: ignore[misc]
    cause = SelectField("致贫原因", choices=[SelectChoice(cause) for cause in POVERTY_CAUSES])


class UnmaskForm(FlaskForm):  # type: ignore[misc]
    reason = StringField(
        "查看原因（会留痕）", validators=[DataRequired("请写明查看原因"), Length(max=200)]
    )


class EmptyForm(FlaskForm):  # type: ignore[misc]
    """A button only (sign-in link, sign-out, confirm): the CSRF token is the content."""
