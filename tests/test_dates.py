"""Tests for marsad/dates.py: publication-date lines, temporal expressions, and the false dates we refuse.

Fixtures are short sentences written for these tests in the manner of Egyptian, Gulf, Levantine, Iraqi and
Maghrebi outlets.
"""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad import MarsadError
from marsad.arabic import normalize_keep_length
from marsad.dates import DateError, find_timexes, parse_date, parse_iso, weekday_of
from marsad.records import Timex

PUB = "2021-07-01"          # a Thursday


def values(text: str, published: str | None = PUB) -> list[tuple[str, str | None]]:
    found = find_timexes(text, published)
    for t in found:
        assert text[t.start:t.end] == t.text
    return [(t.text, t.value) for t in found]


def only(text: str, published: str | None = PUB) -> Timex:
    found = find_timexes(text, published)
    assert len(found) == 1, found
    assert text[found[0].start:found[0].end] == found[0].text
    return found[0]


# ---------------------------------------------------------------------------------------------- parse_date

@pytest.mark.parametrize("line, expected", [
    ("الخميس، 01 يوليو 2021 10:43 ص", "2021-07-01T10:43"),
    ("الخميس، 01 يوليو 2021 10:43 م", "2021-07-01T22:43"),
    ("الأحد 12 يناير 2020 12:15 ص", "2020-01-12T00:15"),
    ("2025/02/06", "2025-02-06"),
    ("23 ديسمبر 2021", "2021-12-23"),
    ("2015-07-21 14:03:00", "2015-07-21T14:03"),
    ("يوليو 2018", "2018-07"),
    ("2021-07-01T10:43:00+03:00", "2021-07-01T10:43"),
    ("2021-07-01T07:43:00Z", "2021-07-01T07:43"),
    ("2019-03-05", "2019-03-05"),
    ("Thu, 01 Jul 2021 10:43:00 GMT", "2021-07-01T10:43"),
    ("Mon, 7 Mar 2022 08:05:00 +0300", "2022-03-07T08:05"),
    ("July 1, 2021", "2021-07-01"),
    ("٢٣ ديسمبر ٢٠٢١", "2021-12-23"),
    ("۱۲ مارس ۲۰۲۰", "2020-03-12"),
    ("نشر في: 12/03/2020 - 10:15", "2020-03-12T10:15"),
    ("آخر تحديث: الجمعة 2 يوليو 2021 - 12:05 ص بتوقيت مكة المكرمة", "2021-07-02T00:05"),
    ("الثانية والثالثة 2025/02/06", "2025-02-06"),
    ("السبت 5 شباط 2022", "2022-02-05"),
    ("الاثنين 3 جانفي 2022", "2022-01-03"),
    ("الثلاثاء 15 رمضان 1442 هـ", "2021-04-27"),
    ("الثلاثاء 15 رمضان 1442 هـ الموافق 27 أبريل 2021", "2021-04-27"),
    ("10:43 ص - الخميس 01 يوليو 2021", "2021-07-01T10:43"),
    ("الجمعة 02/يوليو/2021", "2021-07-02"),
    ("كتب: محمد علي 03/07/2021", "2021-07-03"),
    ("Saturday, July 3, 2021 12:30 PM", "2021-07-03T12:30"),
    ("نشر في 2 يوليو 2021 الساعة 10:15 صباحا", "2021-07-02T10:15"),
    ("يونيو 16, 2024", "2024-06-16"),                       # month first, as WordPress themes print it
    ("الأحد، حزيران 16، 2024 - 10:30 م", "2024-06-16T22:30"),
])
def test_parse_date_accepts_date_lines(line: str, expected: str) -> None:
    assert parse_date(line) == expected


@pytest.mark.parametrize("line", [
    "",
    "قال الوزير إن الحكومة ستعمل على تحسين الخدمات في المحافظات كافة",
    "وصل عدد المصابين إلى 350 حالة",
    "قتل 25 شخصا في 2021",
    "قال الوزير إن الاتفاق سيوقع في 23 ديسمبر 2021 بحضور ممثلي الدول الأعضاء",
    "10:43 ص",
    "اليوم 10:43",
    "منذ 3 ساعات",
    "للتواصل: 0123-456-7890",
    "2000 دولار",
    "31/02/2021",
])
def test_parse_date_refuses_other_lines(line: str) -> None:
    assert parse_date(line) is None


def test_parse_date_is_fast_on_lines_that_are_not_dates() -> None:
    lines = ["قال الوزير إن الحكومة ستعمل على تحسين الخدمات", "وصل عدد المصابين إلى 350 حالة"] * 2000
    start = time.perf_counter()
    assert not any(parse_date(line) for line in lines)
    assert time.perf_counter() - start < 1.0


# ------------------------------------------------------------------------------------------- absolute forms

@pytest.mark.parametrize("text, span, value", [
    ("وقع الاتفاق في 01 يوليو 2021 ببغداد", "01 يوليو 2021", "2021-07-01"),
    ("صدر العدد بتاريخ 2025/02/06 صباحا", "2025/02/06", "2025-02-06"),
    ("أعلنت الوزارة في 23 ديسمبر 2021 نتائج", "23 ديسمبر 2021", "2021-12-23"),
    ("وفي يوليو 2018 قرر قادة الحلف", "يوليو 2018", "2018-07"),
    ("منح الحلف العراق صفة الشريك عام 2011", "عام 2011", "2011"),
    ("تأسس المركز في العام 2020 بدعم أوروبي", "العام 2020", "2020"),
    ("تسلم الجيش المهمة سنة 1999", "سنة 1999", "1999"),
    ("احتلت بريطانيا مصر عام 1882", "عام 1882", "1882"),
    ("ولد الكاتب سنة 2003م في القاهرة", "سنة 2003م", "2003"),
    ("انتهت الحرب في 2003م", "2003م", "2003"),
    ("فيلم القرصان (1958)، وهو آخر أفلامه", "1958", "1958"),
    # Egyptian / Gulf spellings
    ("تنطلق البطولة في 5 يونيه 2022 بالقاهرة", "5 يونيه 2022", "2022-06-05"),
    ("افتتح المعرض يوم 9 إبريل 2019", "9 إبريل 2019", "2019-04-09"),
    ("اجتمع المجلس في 3 أغسطس 2020", "3 أغسطس 2020", "2020-08-03"),
    # Levantine
    ("في 5 كانون الثاني 2020 عقدت الجلسة", "5 كانون الثاني 2020", "2020-01-05"),
    ("في 3 تشرين 1 2019 بدأت الاحتجاجات", "3 تشرين 1 2019", "2019-10-03"),
    ("صدر القرار في 12 كانون 2 2021", "12 كانون 2 2021", "2021-01-12"),
    ("في 7 شباط 2018 و9 آذار 2017", "7 شباط 2018", "2018-02-07"),
    ("أقيم الحفل في 14 تموز 2016", "14 تموز 2016", "2016-07-14"),
    ("منذ 20 تشرين الثاني 2019", "20 تشرين الثاني 2019", "2019-11-20"),
    ("في 1 أيلول 2015", "1 أيلول 2015", "2015-09-01"),
    # Maghrebi
    ("الانتخابات يوم 4 جانفي 2020 بالجزائر", "4 جانفي 2020", "2020-01-04"),
    ("وقع الاتفاق في 8 جويلية 2019", "8 جويلية 2019", "2019-07-08"),
    ("في 10 أوت 2018 بتونس", "10 أوت 2018", "2018-08-10"),
    ("في 2 أفريل 2017", "2 أفريل 2017", "2017-04-02"),
    ("في 15 فيفري 2023", "15 فيفري 2023", "2023-02-15"),
    ("في 6 جوان 2021", "6 جوان 2021", "2021-06-06"),
    ("بتاريخ 11 ماي 2021", "11 ماي 2021", "2021-05-11"),
    # combined names
    ("ستترأس إيطاليا البعثة في مايو/أيار 2022", "مايو/أيار 2022", "2022-05"),
    ("وقعت الحادثة في 3 أيار (مايو) 2016", "3 أيار (مايو) 2016", "2016-05-03"),
    # ordinal day
    ("في الحادي عشر من سبتمبر 2001", "الحادي عشر من سبتمبر 2001", "2001-09-11"),
    # numerals
    ("صدر المرسوم في 12-03-2020 ونشر", "12-03-2020", "2020-03-12"),
    ("صدر المرسوم في 2020.03.12 ونشر", "2020.03.12", "2020-03-12"),
    ("صدر المرسوم في 5/7/2019 ونشر", "5/7/2019", "2019-07-05"),
    ("في ٢٣ ديسمبر ٢٠٢١ أعلن", "٢٣ ديسمبر ٢٠٢١", "2021-12-23"),
    ("في ۱۲ مارس ۲۰۲۰ أعلن", "۱۲ مارس ۲۰۲۰", "2020-03-12"),
    ("في ١٢/٠٣/٢٠٢٠ أعلن", "١٢/٠٣/٢٠٢٠", "2020-03-12"),
    # Latin script inside Arabic
    ("ونشرت الصحيفة في 27 April 2021 تقريرا", "27 April 2021", "2021-04-27"),
])
def test_absolute_dates(text: str, span: str, value: str) -> None:
    found = values(text)
    assert (span, value) in found, found


def test_date_with_time_joins_the_time() -> None:
    t = only("نشر البيان الخميس، 01 يوليو 2021 10:43 م على الموقع")
    assert t.value == "2021-07-01T22:43"
    assert t.kind == "time"


def test_two_years_after_one_year_word() -> None:
    assert values("ما بين عامي 2004 و2011 عملت البعثة") == [("عامي 2004", "2004"), ("2011", "2011")]


def test_day_pair_takes_the_month_of_the_second_day() -> None:
    assert values("ينظم الملتقى يومي 10 و11 أبريل 2022") == [
        ("10", "2022-04-10"), ("11 أبريل 2022", "2022-04-11")]


def test_hijri_date_converts() -> None:
    t = only("وصل الوفد في 15 رمضان 1442 هـ إلى مكة")
    assert (t.text, t.value) == ("15 رمضان 1442 هـ", "2021-04-27")


def test_hijri_numeric_date_converts() -> None:
    t = only("ويختتم البرنامج فعالياته يوم الخميس 5 / 11 / 1436 هـ بحفل")
    assert (t.text, t.value, t.flag) == ("يوم الخميس 5 / 11 / 1436 هـ", "2015-08-20", None)
    assert values("صدر القرار بتاريخ 1436/11/5هـ") == [("1436/11/5هـ", "2015-08-20")]


def test_hijri_month_alone_keeps_only_the_shared_prefix() -> None:
    # Ramadan 1442 ran from 13 April to 12 May 2021: only the year is certain.
    assert values("خلال رمضان 1442 هـ") == [("رمضان 1442 هـ", "2021")]


def test_day_month_with_current_year() -> None:
    assert values("تنسحب القوات في 31 ديسمبر/كانون الأول الحالي", "2021-12-23") == [
        ("31 ديسمبر/كانون الأول الحالي", "2021-12-31")]


def test_day_month_without_year_takes_the_nearest_year() -> None:
    assert values("وصل الوفد في 28 ديسمبر", "2021-01-03") == [("28 ديسمبر", "2020-12-28")]
    assert values("تبدأ الدورة في 15 يناير", "2020-12-20") == [("15 يناير", "2021-01-15")]


def test_day_month_of_last_year() -> None:
    assert values("أصيب في 31 مارس من العام الماضي", "2015-12-24") == [("31 مارس من العام الماضي", "2014-03-31")]


def test_month_with_relative_word() -> None:
    assert values("طلب العراق في فبراير الماضي توسيع المهمة") == [("فبراير الماضي", "2021-02")]
    assert values("تجرى الانتخابات في أكتوبر المقبل") == [("أكتوبر المقبل", "2021-10")]
    # published in February: "الماضي" means the February of the year before
    assert values("في فبراير الماضي", "2021-02-20") == [("فبراير الماضي", "2020-02")]
    assert values("في 8 مايو القادم", PUB) == [("8 مايو القادم", "2022-05-08")]


def test_month_from_next_year() -> None:
    assert values("في مايو/ أيار من العام المقبل", "2021-12-23") == [("مايو/ أيار من العام المقبل", "2022-05")]


# ------------------------------------------------------------------------------------------- relative forms

@pytest.mark.parametrize("text, span, value", [
    ("التقى الوزير أمس السفير", "أمس", "2021-06-30"),
    ("وصل الوفد بالأمس إلى بغداد", "الأمس", "2021-06-30"),
    ("عقد الاجتماع أول أمس في الرياض", "أول أمس", "2021-06-29"),
    ("عقد الاجتماع أول من أمس في الرياض", "أول من أمس", "2021-06-29"),
    ("يصل الوفد اليوم إلى عمان", "اليوم", "2021-07-01"),
    ("يصل الوفد غداً إلى عمان", "غداً", "2021-07-02"),
    ("يصل الوفد غدا إلى عمان", "غدا", "2021-07-02"),
    ("تبدأ القمة بعد غد في الدوحة", "بعد غد", "2021-07-03"),
    ("التقى الكاظمي، اليوم الخميس، الوزير", "اليوم الخميس", "2021-07-01"),
    ("أبدى الرئيس، أمس الأربعاء، رغبته", "أمس الأربعاء", "2021-06-30"),
    ("التقى الكاظمي، الأربعاء، الأمين العام", "الأربعاء", "2021-06-30"),
    ("أعلنت الوزارة الاثنين أن الامتحانات", "الاثنين", "2021-06-28"),
    ("وصل الوزير يوم الأحد إلى الكويت", "يوم الأحد", "2021-06-27"),
    ("زار الوفد الخميس الماضي", "الخميس الماضي", "2021-06-24"),
    ("يجتمع المجلس السبت المقبل", "السبت المقبل", "2021-07-03"),
    ("صدر بيان صباح اليوم عن الحلف", "صباح اليوم", "2021-07-01"),
    ("يبدأ المؤتمر أعماله اليوم (الخميس) في جدة", "اليوم (الخميس)", "2021-07-01"),
    ("اختتمت الفعاليات مساء أمس", "مساء أمس", "2021-06-30"),
    ("أعلن الأسبوع الماضي عن الخطة", "الأسبوع الماضي", "2021-06"),
    ("أعلن الأسبوع الفائت عن الخطة", "الأسبوع الفائت", "2021-06"),
    ("يصدر الكتاب الأسبوع المقبل", "الأسبوع المقبل", "2021-07"),
    ("ينتهي التحالف مع نهاية الشهر الجاري", "نهاية الشهر الجاري", "2021-07"),      # the part is in the span, as TimeML tags it,
    ("ارتفعت الأسعار الشهر الماضي", "الشهر الماضي", "2021-06"),
    ("تبدأ المرحلة الشهر المقبل", "الشهر المقبل", "2021-08"),
    ("بدأت الجولات العام الماضي", "العام الماضي", "2020"),
    ("تكتمل الخطة السنة المقبلة", "السنة المقبلة", "2022"),
    ("ارتفع النمو خلال العام الجاري", "العام الجاري", "2021"),
    ("زاد الإنتاج هذا العام", "هذا العام", "2021"),
    ("ارتفعت الأسعار خلال السنة الحالية", "السنة الحالية", "2021"),
    ("وصل المهاجرون قبل ثلاثة أيام", "قبل ثلاثة أيام", "2021-06-28"),
    ("وصل المهاجرون قبل 3 أيام", "قبل 3 أيام", "2021-06-28"),
    ("يعيش في المخيم منذ عامين", "منذ عامين", "2019"),
    ("بدأ المشروع قبل أسبوعين", "قبل أسبوعين", "2021-06"),
    ("انتقل إلى بغداد قبل خمسة أشهر", "قبل خمسة أشهر", "2021-02"),
    ("تخرج قبل عام", "قبل عام", "2020"),
])
def test_relative_expressions(text: str, span: str, value: str) -> None:
    assert values(text) == [(span, value)]


def test_relative_expressions_are_kept_without_publication_date() -> None:
    text = "التقى الوزير أمس الأربعاء السفير، وتجرى الانتخابات في أكتوبر المقبل وفي 31 ديسمبر الحالي"
    found = find_timexes(text)
    assert [t.text for t in found] == ["أمس الأربعاء", "أكتوبر المقبل", "31 ديسمبر الحالي"]
    assert all(t.value is None and t.kind == "relative" for t in found)
    # absolute dates do not need it
    assert values("وقع في 01 يوليو 2021 وعاد أمس", None) == [("01 يوليو 2021", "2021-07-01"), ("أمس", None)]


def test_publication_date_that_is_not_iso_counts_as_none() -> None:
    assert values("عاد أمس", "yesterday") == [("أمس", None)]


def test_month_only_publication_date_resolves_months_not_days() -> None:
    assert values("عاد أمس في الشهر الماضي", "2021-07") == [("أمس", None), ("الشهر الماضي", "2021-06")]


def test_not_today() -> None:
    assert values("احتفلت المدارس باليوم الوطني") == []
    assert values("في اليوم التالي غادر الوفد") == []
    assert values("نقلت صحيفة المصري اليوم الخبر") == []
    assert values("يغادر اليوم إلى الكويت") == [("اليوم", "2021-07-01")]


def test_weekday_words_that_are_not_dates() -> None:
    assert values("أدى المصلون صلاة الجمعة في المسجد") == []
    assert values("الفرق بين الاثنين كبير") == []
    assert values("يفتح السوق كل سبت وكل خميس") == []
    assert values("يبث البرنامج طوال أيام الأسبوع عدا الخميس والجمعة") == []


def test_general_secretary_is_not_a_year() -> None:
    assert values("التقى الأمين العام الحالي للحلف") == []
    assert values("تعتزم الوزارة العام المقبل إطلاق البرنامج") == [("العام المقبل", "2022")]


def test_events_counted_from_another_event_are_not_relative_to_publication() -> None:
    assert values("وقع الهجوم قبل يومين من الاتفاق") == []
    assert values("وجاء اللقاء قبل يوم واحد فقط من الزيارة") == []
    assert values("نشرت الصحيفة قبل شهر رمضان تقريرا") == []
    # بعد + a duration is as often narrative ("he left after a year") as counted from publication
    assert values("انتقل اللاعب إلى النادي بعد عام واحد") == []
    assert values("تعلن النتائج بعد يومين") == []


def test_tomorrow_written_gad() -> None:
    assert values("تعقد الجلسة يوم غد الجمعة في المحكمة") == [("يوم غد الجمعة", "2021-07-02")]
    assert values("نحو غد أفضل للجميع") == []


def test_newspaper_named_today_is_not_today() -> None:
    assert values('وقد استطلعت "اليوم" آراء المواطنين') == []
    assert values("وقال لقناة «عين اليوم» إن") == []
    assert values("وقال لـ (اليوم) إن المشروع متأخر") == []


def test_a_bare_weekday_after_a_future_verb_is_the_coming_one() -> None:
    # PUB is Thursday 2021-07-01
    assert values("ستنطلق البطولة صباح السبت في الرياض") == [("صباح السبت", "2021-07-03")]
    assert values("وسوف يصل الوفد الثلاثاء") == [("الثلاثاء", "2021-07-06")]
    assert values("وسيعقد المجلس جلسته الخميس") == [("الخميس", "2021-07-01")]          # on or after
    assert values("وصل الوفد السبت") == [("السبت", "2021-06-26")]                      # past: the latest
    assert values("اشترى سيارة السبت") == [("السبت", "2021-06-26")]                     # سيارة is no verb
    assert values("عقد اجتماعه السنوي. وسيكون موعده المقبل مختلفا، وصل السبت") == [("السبت", "2021-06-26")]


def test_yesterday_that_is_a_superlative() -> None:
    assert values("تبرع بالدم لمن هم في أمس الحاجة إليه") == []


# ------------------------------------------------------------------------------------------ weekday mismatch

def test_weekday_mismatch_is_flagged() -> None:
    t = only("تقام المباراة الخميس 2 يوليو 2021 في الرياض")
    assert (t.text, t.value, t.flag) == ("الخميس 2 يوليو 2021", "2021-07-02", "weekday-mismatch")


def test_matching_weekday_is_not_flagged() -> None:
    t = only("تقام المباراة يوم الجمعة 2 يوليو 2021 في الرياض")
    assert (t.text, t.flag) == ("يوم الجمعة 2 يوليو 2021", None)


def test_relative_day_with_wrong_weekday_is_flagged() -> None:
    t = only("أعلنت الوزارة اليوم الأحد")
    assert (t.value, t.flag) == ("2021-07-01", "weekday-mismatch")


# -------------------------------------------------------------------------------------------- false dates

@pytest.mark.parametrize("text", [
    "قتل 15 الفا في المعارك",                                  # count
    "انضم 350 من الضباط إلى الدورة",                           # count with من
    "نشر 2011 جندي على الحدود",                                 # a year-like count
    "ساهمت الشركة في 2000 مشروع",                               # a year-like count after في
    "ارتفعت نسبة البطالة إلى 25% هذا الربع",                     # percent
    "بلغت نسبة المشاركة 2020٪ وفق تقدير خاطئ",                    # Arabic percent sign
    "تبرع بمبلغ 2000 دولار للمستشفى",                            # money
    "خصصت الحكومة منذ 2020 ريالا لكل أسرة",                       # money after a year word
    "للحجز اتصل على 0123-456-7890 أو 2021-555-1234",             # phone numbers
    "فاز الأهلي 2-1 على الزمالك",                                 # score
    "انتهت المباراة بنتيجة 3/1 لصالح الوداد",                    # score with slash
    "يتراوح العدد بين 10 و20 شخصا",                              # range of numbers
    "بلغت الصادرات 5ر7 مليون طن",                                # Egyptian decimal
    "يبدأ العرض الساعة 10:43 ص",                                 # time alone
    "عاش الحيوان منذ 2500 عام",                                   # a duration, not a year
    "عدد المشاركين (2000) مشارك",                                # a count in parentheses
    "وصلت درجة الحرارة إلى 45 درجة في 12 ولاية",                 # numbers near a preposition
])
def test_false_dates(text: str) -> None:
    assert values(text) == []


def test_bare_year_needs_a_year_context() -> None:
    assert values("حقق الفريق 2015 نقطة") == []
    assert values("منذ 2003 تغير كل شيء") == [("2003", "2003")]
    assert values("وحتى 2021 لم يتغير شيء") == [("2021", "2021")]


# ------------------------------------------------------------------------------------------ robustness

def test_empty_and_latin_text() -> None:
    assert find_timexes("") == []
    assert find_timexes("   \n  ") == []
    assert values("The NATO summit in Brussels, 14 June 2021, was short") == [("14 June 2021", "2021-06-14")]


def test_offsets_point_into_text_with_diacritics_and_tatweel() -> None:
    text = "وصل الرئيسُ أَمْسِ الأربعاءَ في ١٥ رَمَضَانَ ١٤٤٢ هـ، ثم غداً الـخـمـيـس"
    found = find_timexes(text, "2021-04-29")
    for t in found:
        assert text[t.start:t.end] == t.text
    assert [(t.text, t.value) for t in found] == [
        ("أَمْسِ الأربعاءَ", "2021-04-28"), ("١٥ رَمَضَانَ ١٤٤٢ هـ", "2021-04-27"),
        ("غداً الـخـمـيـس", "2021-04-30")]


def test_long_line_is_fast_and_does_not_crash() -> None:
    text = ("في عام 2021 وصل 1234 شخصا في 12/3/2020 أمس " * 1200)[:50000]
    start = time.perf_counter()
    found = find_timexes(text, PUB)
    assert time.perf_counter() - start < 2.0
    assert len(found) > 3000
    assert find_timexes("ب" * 50000) == []
    assert find_timexes("1" * 50000) == []


def test_normalisation_agrees_with_arabic_module() -> None:
    from marsad.dates import _PUNCT_TABLE, _fold
    sample = "".join(chr(c) for c in range(0x20, 0x2100))
    assert _fold(sample) == normalize_keep_length(sample).translate(_PUNCT_TABLE)


# ---------------------------------------------------------------------------------------------- helpers

def test_weekday_of_and_parse_iso() -> None:
    assert weekday_of("2021-07-01") == 3
    assert weekday_of("2021-07-01T10:43") == 3
    assert parse_iso("2021-07") == (2021, 7, None)
    with pytest.raises(DateError):
        parse_iso("2021-13-01")
    with pytest.raises(DateError):
        weekday_of("2021")
    assert issubclass(DateError, MarsadError)


# ---------------------------------------------------------------------------------------------- fuzzing

_PIECES = ["في", "عام", "2021", "١٤٤٢", "12", "/", "-", ".", "،", "(", ")", "يوليو", "كانون", "الثاني", "رمضان",
           "هـ", "أمس", "اليوم", "الخميس", "الماضي", "قبل", "منذ", "عامين", "ً", "ـ", "\u200f", "و", "10:43", "ص",
           "م", "%", "دولار", "May", "شهر", "من", "العام", "المقبل", "يومي", "٣", "۲۰۲۰", " ", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join))
def test_generated_text_keeps_offsets_and_never_crashes(text: str) -> None:
    for t in find_timexes(text, PUB):
        assert text[t.start:t.end] == t.text
        assert t.text.strip() == t.text and t.text
        if t.value is not None:
            parse_iso(t.value)
    parse_date(text)


def test_month_first_needs_its_comma_and_year():
    assert parse_date("يونيو 16 2024") is None
    assert [t.value for t in find_timexes("وصل في يونيو 16، 2024 إلى بغداد", "2024-07-01")] == ["2024-06-16"]
    assert all(t.value != "2024-06-16" for t in find_timexes("ارتفع العدد في يونيو 16 شخصا", "2024-07-01"))


@pytest.mark.parametrize("sentence, expected", [
    ("وزار الرئيس بغداد في نوفمبر.", "2023-11"),                     # a past verb: the latest November
    ("وكان الحوثيون قد استولوا عليها في سبتمبر.", "2023-09"),
    ("وهبطت الأسعار إلى أدنى مستوياتها منذ يناير.", "2024-01"),
    ("وسيزور الرئيس بغداد في نوفمبر.", "2024-11"),                    # a future verb: the next one
    ("وتعقد القمة في نوفمبر.", "2024-11"),                            # no tense word: the nearest
    ("وتدعم البيانات رفع أسعار الفائدة في سبتمبر.", "2024-09"),        # رفع here is a noun
])
def test_a_bare_month_takes_the_year_its_verb_points_to(sentence, expected):
    (t,) = [t for t in find_timexes(sentence, "2024-06-16") if t.value and len(t.value) == 7]
    assert t.value == expected


def test_a_date_word_alone_in_quotation_marks_is_a_name_not_a_date():
    """The Jordanian paper «الغد» (tomorrow), a programme called "اليوم" (today)."""
    assert find_timexes('وقالت الخبيرة لـ"الغد" إن الأسعار سترتفع.', "2024-05-12") == []
    assert find_timexes("وأضاف في برنامج «اليوم» أن", "2024-05-12") == []
    assert [t.value for t in find_timexes("ويسافر الوفد الغد إلى عمان.", "2024-05-12")] == ["2024-05-13"]


def test_dates_joined_by_wa_share_the_year_only_the_last_writes():
    assert [(t.text, t.value) for t in find_timexes("أغلق الحقل في يناير وأغسطس 2025", "2025-10-20")] == \
        [("يناير", "2025-01"), ("أغسطس 2025", "2025-08")]
    assert [t.value for t in find_timexes("ارتفعت الأسعار في 2022 و2023 بشدة", "2025-10-20")] == ["2022", "2023"]
    assert [t.value for t in find_timexes("في يناير الماضي وأغسطس 2024", "2025-10-20")] == ["2025-01", "2024-08"]


def test_a_month_of_the_same_year_takes_the_year_last_written():
    text = "انضمت الكويت إلى الاتفاقية في مارس 2023، وتولى الأمير الحكم في 16 ديسمبر من العام نفسه."
    values = [(t.text, t.value) for t in find_timexes(text, "2025-10-14")]
    assert values == [("مارس 2023", "2023-03"), ("16 ديسمبر من العام نفسه", "2023-12-16")]
    # with no year written before, the year is unknown rather than guessed
    assert [t.value for t in find_timexes("وتولى الحكم في ديسمبر من نفس العام.", "2025-10-14")] == [None]


def test_a_day_of_this_last_or_next_month():
    found = {t.text: t.value for t in find_timexes(
        "وسيقام المهرجان يوم الخامس من الشهر الجاري، بعد أن أقيم في 20 من الشهر الماضي، ويختتم في الأول من "
        "الشهر المقبل. وارتفعت الأسعار في الأسبوع الأول من الشهر الجاري.", "2025-10-14")}
    assert found["الخامس من الشهر الجاري"] == "2025-10-05"
    assert found["20 من الشهر الماضي"] == "2025-09-20"
    assert found["الأول من الشهر المقبل"] == "2025-11-01"
    assert found["الشهر الجاري"] == "2025-10"          # the first week, not the first day


def test_the_same_day_is_the_day_of_the_date_before_it():
    text = "انطلقت القافلة من عمّان مساء 14 أيار 2022، ووصلت إلى الحدود فجر اليوم ذاته."
    assert values(text, "2022-06-01") == [("14 أيار 2022", "2022-05-14"), ("فجر اليوم ذاته", "2022-05-14")]
    assert values("استقبل الرئيس الوفد أمس، وفي نفس اليوم وقّع الاتفاق") == [
        ("أمس", "2021-06-30"), ("نفس اليوم", "2021-06-30")]
    assert values("أغلقت المدارس في الثالث من آذار 2020 وأعلنت الحكومة في ذات اليوم حظر التجول") == [
        ("الثالث من آذار 2020", "2020-03-03"), ("ذات اليوم", "2020-03-03")]
    # with no day written before, the day is unknown rather than the publication day
    assert values("وغادر الوفد في اليوم نفسه") == [("اليوم نفسه", None)]
    # nor when the day is named after it ("the same day as ...")
    assert values("وقع الانفجار أمس في اليوم ذاته لافتتاح المعرض") == [("أمس", "2021-06-30"), ("اليوم ذاته", None)]


def test_a_hijri_day_and_month_without_a_year_take_the_nearest_hijri_year():
    # published 2025-03-20 = 20 Ramadan 1446
    assert values("وأقيم حفل الإفطار مساء الخامس من رمضان في جدة", "2025-03-20") == [
        ("الخامس من رمضان", "2025-03-05")]
    assert values("وتبدأ إجازة العيد في 29 رمضان وتنتهي في 8 شوال", "2025-03-20") == [
        ("29 رمضان", "2025-03-29"), ("8 شوال", "2025-04-06")]
    assert values("افتتح المعرض في 10 شعبان من العام الماضي", "2025-03-20") == [
        ("10 شعبان من العام الماضي", "2024-02-20")]
    # a weekday beside it is checked as for any date
    assert only("وعقد الاجتماع يوم السبت 15 رمضان", "2025-03-20").flag is None
    assert only("وعقد الاجتماع يوم الأحد 15 رمضان", "2025-03-20").flag == "weekday-mismatch"


@pytest.mark.parametrize("sentence", [
    "افتتح المحافظ مصنعا في مدينة العاشر من رمضان",     # the Egyptian city
    "اندلع حريق في مصنع بالعاشر من رمضان",
    "وتحل ذكرى حرب العاشر من رمضان",
    "وانتهت المباراة بنتيجة 2 صفر",                      # صفر is zero
    "تصرف الحوافز في 30 محرم من كل عام",                 # every year
    "وتزداد العبادة في الأسبوع الأخير من رمضان",
])
def test_a_hijri_day_and_month_that_is_not_a_date(sentence):
    assert all(not t.text.endswith(("رمضان", "صفر", "محرم")) for t in find_timexes(sentence, "2025-03-20"))


@pytest.mark.parametrize("sentence, first, second", [
    # every range of days gives two timexes, the first day dated by the second, as "يومي 10 و11 أبريل" does
    ("تقام الدورة من 18 إلى 22 تشرين الثاني 2023 في بيروت", ("18", "2023-11-18"), ("22 تشرين الثاني 2023", "2023-11-22")),
    ("ويستمر المعرض بين 3 و9 من الشهر المقبل", ("3", "2021-08-03"), ("9 من الشهر المقبل", "2021-08-09")),
    ("تجري المنافسات من الرابع إلى التاسع من أيلول 2022", ("الرابع", "2022-09-04"), ("التاسع من أيلول 2022", "2022-09-09")),
    ("ويفتح باب التسجيل من 5 وحتى 12 ذي القعدة 1442 هـ", ("5", "2021-06-15"), ("12 ذي القعدة 1442 هـ", "2021-06-22")),
])
def test_the_first_day_of_a_range_takes_the_month_of_the_second(sentence, first, second):
    assert values(sentence) == [first, second]


def test_a_range_start_that_is_no_day_of_the_second_month_is_not_taken():
    assert values("تمتد العطلة من 28 إلى 3 آذار 2022") == [("3 آذار 2022", "2022-03-03")]
    assert values("وأجري المسح من 12 / 4 إلى 20 / 5 / 2021") == [("20 / 5 / 2021", "2021-05-20")]


@pytest.mark.parametrize("sentence, expected", [
    # published 2021-07-01: a week has the month of its shifted day
    ("وصل المبعوث إلى بيروت مطلع الأسبوع، والتقى الرئيس", ("مطلع الأسبوع", "2021-07")),
    ("وتعود المدارس مطلع الأسبوع المقبل", ("مطلع الأسبوع المقبل", "2021-07")),
    ("وتراجعت الأسعار منذ مطلع الأسبوع الماضي", ("مطلع الأسبوع الماضي", "2021-06")),
    ("ويصوت البرلمان أواخر الشهر الجاري", ("أواخر الشهر الجاري", "2021-07")),
])
def test_a_part_of_a_relative_period_belongs_to_it(sentence, expected):
    assert values(sentence) == [expected]


def test_a_week_part_alone_needs_a_bare_week():
    assert values("وتقام المباراة في مطلع الأسبوع الثاني من البطولة") == []
    assert values("وتغلق المحلات نهاية الأسبوع") == []          # the weekend, often a habit


@pytest.mark.parametrize("sentence, expected", [
    ("انتشرت هذه الأغاني في الثمانينيات بين الشباب", ("الثمانينيات", "198")),
    ("وبدأ المشروع في ستينات القرن الماضي بتمويل حكومي", ("ستينات القرن الماضي", "196")),
    ("وتعود الفكرة إلى تسعينيات القرن العشرين", ("تسعينيات القرن العشرين", "199")),
    ("وانتشر الوباء في الأربعينيات من القرن التاسع عشر", ("الأربعينيات من القرن التاسع عشر", "184")),
    ("وهاجر والده إلى البرازيل أواخر الخمسينات", ("أواخر الخمسينات", "195")),
    ("ويتوقع الخبراء نموا حتى عشرينيات القرن الحالي", ("عشرينيات القرن الحالي", "202")),
])
def test_a_decade_gets_timeml_three_digit_value(sentence, expected):
    assert values(sentence) == [expected]
    assert values(sentence, None)[0][1] == (None if "الماضي" in sentence or "الحالي" in sentence else expected[1])


@pytest.mark.parametrize("sentence", [
    "توفيت الممثلة وهي في الستينيات من عمرها",
    "وكان في العشرينيات حين التحق بالجيش",                 # 1920s, 2020s or an age
    "وارتفعت الحرارة إلى الخمسينات المئوية",
    "ولد في بداية الثمانينات الهجرية",
])
def test_what_is_no_decade_of_the_calendar(sentence):
    assert values(sentence) == []


def test_a_bare_weekday_takes_the_day_the_text_gave_it_before() -> None:
    # PUB is Thursday 2021-07-01: "غدا الجمعة" is 2 July, so the later bare "الجمعة" is that day too,
    # not the Friday before publication a bare weekday without a future verb is read as
    text = "أعلنت البلدية أن السوق يفتح غدا الجمعة. ودعت السكان إلى زيارته بدءا من صباح الجمعة"
    assert values(text) == [("غدا الجمعة", "2021-07-02"), ("صباح الجمعة", "2021-07-02")]
    # with no earlier mention the guess stands, and a week apart is required (not any day)
    assert values("ودعت السكان إلى زيارته بدءا من صباح الجمعة") == [("صباح الجمعة", "2021-06-25")]
    assert values("زار الوزير المدينة أمس الأربعاء. وعاد الجمعة") == [("أمس الأربعاء", "2021-06-30"),
                                                                   ("الجمعة", "2021-06-25")]


@pytest.mark.parametrize("sentence, expected", [
    # a forecast looks ahead: published on a Wednesday, "ليلة الخميس" is the next day
    ("وتوقعت الأرصاد الجوية هبوب رياح قوية على السواحل الغربية ليلة الخميس.", [("ليلة الخميس", "2025-09-25")]),
    ("ومن المنتظر أن تصل الدفعة الأولى من المعدات الجمعة.", [("الجمعة", "2025-09-26")]),
    # a plan looks ahead as well, unless it was one
    ("ومن المقرر أن يتوجه الوزير الفرنسي الخميس إلى جنوب البلاد.", [("الخميس", "2025-09-25")]),
    ("وأعلن الوزير تنظيم مؤتمر دولي، على أن يزور الخميس مقر القيادة.", [("الخميس", "2025-09-25")]),
    ("وتعتزم النقابة تنظيم وقفة احتجاجية الخميس.", [("الخميس", "2025-09-25")]),
    ("وكان من المقرر أن يصل الوفد الخميس لكنه أجل زيارته.", [("الخميس", "2025-09-18")]),
    ("وشدد على أن الاتفاق الموقع الخميس خطوة مهمة.", [("الخميس", "2025-09-18")]),
    # without one, the latest such day
    ("وهبت رياح قوية على السواحل الغربية ليلة الخميس.", [("ليلة الخميس", "2025-09-18")]),
])
def test_a_weekday_after_a_forecast_word_is_the_coming_one(sentence, expected):
    assert values(sentence, "2025-09-24T09:00:00") == expected


@pytest.mark.parametrize("sentence, expected", [
    ("وتختتم المنافسات يوم الأحد فاتح يونيو المقبل.", [("يوم الأحد فاتح يونيو المقبل", "2025-06-01")]),
    ("وتنطلق الدراسة فاتح أكتوبر 2025.", [("فاتح أكتوبر 2025", "2025-10-01")]),
])
def test_moroccan_fatih_is_the_first_of_the_month(sentence, expected):
    assert values(sentence, "2025-05-18T09:00:00") == expected


@pytest.mark.parametrize("sentence, expected", [
    # Muharram 1447 runs from 2025-06-26 to 2025-07-25; its middle ten days are in July
    ("وستطبق الرئاسة خطتها الجديدة منتصف شهر محرم.", [("منتصف شهر محرم", "2025-07")]),
    ("ويبدأ التسجيل مطلع شهر محرم المقبل.", [("مطلع شهر محرم المقبل", "2025")]),
    ("وانخفضت الأسعار في رمضان الماضي.", [("رمضان الماضي", "2025-03")]),
    # a Hijri month alone with no part or relative word stays untaken (a recurring season: "في رمضان")
    ("ويكثر الزوار في شهر رمضان من كل عام.", []),
])
def test_a_hijri_month_without_day_or_year_with_a_part_or_relative_word(sentence, expected):
    assert values(sentence, "2025-06-12T09:00:00") == expected


def test_a_date_word_inside_a_quoted_outlet_name_is_no_date():
    # "عدن الغد" is a paper; "الغد" alone in quotes was already none; quoted words that name no outlet stay dates
    assert values('وقال المسؤول لـ"عدن الغد" إن السيول جرفت المنازل') == []
    assert values('وقال: "سنلتقي الغد في الرياض"') == [("الغد", "2021-07-02")]
