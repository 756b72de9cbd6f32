"""The console's forms (Flask-WTF: every POST carries a CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    DateField,
    IntegerField,
    MultipleFileField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from messages import STANDING_LABELS as STANDING_CHOICES
from vocabulary import NEED_LABELS, POVERTY_CAUSES


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


class ApplicationForm(FlaskForm):  # type: ignore[misc]
    """An organisation's application (domain.organisations checks what the form cannot)."""

    name = StringField("机构名称", validators=[DataRequired("请填机构名称"), Length(max=100)])
    credit_code = StringField(
        "统一社会信用代码", validators=[DataRequired("请填统一社会信用代码"), Length(max=30)]
    )
    contact_name = StringField("联系人", validators=[DataRequired("请填联系人"), Length(max=40)])
    contact_phone = StringField("联系电话（手机）", validators=[DataRequired("请填联系电话")])
    places = StringField(
        "服务地区（省、市或县，几个用顿号隔开）",
        validators=[DataRequired("请填服务地区"), Length(max=300)],
    )
    fields = SelectMultipleField(
        "服务领域",
        choices=[SelectChoice(need, label) for need, label in NEED_LABELS.items()],
        option_widget=CheckboxInput(),
        widget=ListWidget(prefix_label=False),
    )
    about = TextAreaField(
        "机构简介和做过的项目", validators=[DataRequired("请简单介绍机构"), Length(max=2000)]
    )
    documents = MultipleFileField("登记证书等材料（照片，可多张）")

    def validate_fields(self, field: SelectMultipleField) -> None:
        """Checked here, not by the browser: `required` on checkboxes would demand them all."""
        if not field.data:
            raise ValidationError("请至少选一个服务领域")


class ProjectForm(FlaskForm):  # type: ignore[misc]
    """A project (domain.projects checks what the form cannot: places, budget lines)."""

    title = StringField("项目名称", validators=[DataRequired("请填项目名称"), Length(max=120)])
    # No category is preselected: one left unchosen is refused, not taken for the first.
    need_type = SelectField(
        "项目类别",
        choices=[
            SelectChoice("", "请选择"),
            *(SelectChoice(n, label) for n, label in NEED_LABELS.items()),
        ],
        validators=[DataRequired("请选择项目类别")],
    )
    places = StringField(
        "实施地区（县或市，几个用顿号隔开）",
        validators=[DataRequired("请填实施地区"), Length(max=300)],
    )
    people_served = IntegerField("受益人数", validators=[DataRequired("请填受益人数")])
    budget = TextAreaField(
        "预算（每行一项和金额，单位元）", validators=[DataRequired("请写预算"), Length(max=2000)]
    )
    starts_on = DateField("开始日期", validators=[DataRequired("请填开始日期")])
    ends_on = DateField("结束日期", validators=[DataRequired("请填结束日期")])
    goals = TextAreaField(
        "可衡量的目标（每行一个）", validators=[DataRequired("请写目标"), Length(max=2000)]
    )


class UpdateForm(FlaskForm):  # type: ignore[misc]
    text = TextAreaField("进展", validators=[DataRequired("请写几句进展"), Length(max=2000)])
    photos = MultipleFileField("照片（可多张）")


class CompletionForm(FlaskForm):  # type: ignore[misc]
    """The final report; each goal's result comes as the `goal` / `note` lists beside it."""

    spent = IntegerField("实际花费（元）", validators=[DataRequired("请填实际花费")])
    report = TextAreaField("结项报告", validators=[DataRequired("请写结项报告"), Length(max=4000)])
    households = StringField("受益家庭的求助编号（会请他们评分）", validators=[Optional()])


class ComplaintForm(FlaskForm):  # type: ignore[misc]
    """An operator's finding on a complaint: the button pressed names it."""

    decision = SelectField(choices=[SelectChoice(key, key) for key in ("upheld", "not_upheld")])


class StandingForm(FlaskForm):  # type: ignore[misc]
    standing = SelectField(
        "状态", choices=[SelectChoice(key, label) for key, label in STANDING_CHOICES.items()]
    )
    reason = StringField(
        "原因（会通知机构、留痕）", validators=[DataRequired("请写明原因"), Length(max=300)]
    )


class LessonForm(FlaskForm):  # type: ignore[misc]
    title = StringField("标题", validators=[DataRequired("请写标题"), Length(max=80)])
    poverty_cause = SelectField(
        "致贫原因", choices=[SelectChoice(cause) for cause in POVERTY_CAUSES]
    )
    what_was_done = TextAreaField(
        "做了什么", validators=[DataRequired("请写做法"), Length(max=2000)]
    )
    result = TextAreaField("结果", validators=[DataRequired("请写结果"), Length(max=2000)])
