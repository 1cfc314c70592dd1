/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-report-table.c — the funder report as tables: a section a
 * table, its columns named by stable keys, and every cell as each writer
 * shows it (lotsen_report_get_cell()); and the words for the keys, in
 * the current gettext language (lotsen_report_label()), which every
 * writer puts in its headers.
 */

#define G_LOG_DOMAIN "lotsen-stats"

#include "config.h"

#include <glib/gi18n.h>

#include "lotsen-interpreter.h"
#include "lotsen-outcome.h"
#include "lotsen-stats.h"

static const char * const gender_keys[] = {
  [LOTSEN_REPORT_GENDER_WOMAN]    = "woman",
  [LOTSEN_REPORT_GENDER_MAN]      = "man",
  [LOTSEN_REPORT_GENDER_OTHER]    = "other",
  [LOTSEN_REPORT_GENDER_UNSTATED] = "unstated",
  [LOTSEN_REPORT_GENDER_UNKNOWN]  = "unknown",
};

static const char * const age_keys[] = {
  [LOTSEN_REPORT_AGE_UNDER_16] = "0-15",
  [LOTSEN_REPORT_AGE_16_24]    = "16-24",
  [LOTSEN_REPORT_AGE_25_34]    = "25-34",
  [LOTSEN_REPORT_AGE_35_44]    = "35-44",
  [LOTSEN_REPORT_AGE_45_54]    = "45-54",
  [LOTSEN_REPORT_AGE_55_64]    = "55-64",
  [LOTSEN_REPORT_AGE_65_PLUS]  = "65+",
  [LOTSEN_REPORT_AGE_UNKNOWN]  = "unknown",
};

/* The numbers of LotsenReportCounts, as columns. */
typedef enum {
  MEASURE_PARTICIPANTS,
  MEASURE_NEW,
  MEASURE_RETURNING,
  MEASURE_VISITS,
  MEASURE_ANONYMOUS,
  MEASURE_SIGNUPS,
  MEASURE_ATTENDED,
  MEASURE_ATTENDEES,
  MEASURE_NO_SHOWS,
} Measure;

static const char * const months_columns[] = {
  "months", "participants", "new_participants", "returning_participants", "visits",
  "anonymous_visits", "signups", "attended", "attendees", "no_shows",
};
static const Measure months_measures[] = {
  MEASURE_PARTICIPANTS, MEASURE_NEW, MEASURE_RETURNING, MEASURE_VISITS, MEASURE_ANONYMOUS,
  MEASURE_SIGNUPS, MEASURE_ATTENDED, MEASURE_ATTENDEES, MEASURE_NO_SHOWS,
};

static const char * const months_gender_columns[] = {
  "months_by_gender", "woman", "man", "other", "unstated", "unknown",
};

static const char * const months_age_columns[] = {
  "months_by_age_band", "0-15", "16-24", "25-34", "35-44", "45-54", "55-64", "65+", "unknown",
};

static const char * const gender_columns[] = {
  "by_gender", "participants", "new_participants", "returning_participants", "visits",
  "signups", "attended", "attendees", "no_shows",
};
static const char * const age_columns[] = {
  "by_age_band", "participants", "new_participants", "returning_participants", "visits",
  "signups", "attended", "attendees", "no_shows",
};
static const Measure group_measures[] = {
  MEASURE_PARTICIPANTS, MEASURE_NEW, MEASURE_RETURNING, MEASURE_VISITS,
  MEASURE_SIGNUPS, MEASURE_ATTENDED, MEASURE_ATTENDEES, MEASURE_NO_SHOWS,
};

static const char * const activities_columns[] = {
  "activities", "sessions", "signups", "attended", "attendees", "no_shows",
};

static const char * const services_columns[] = {
  "services", "service", "tickets", "called", "no_shows", "median_wait_seconds",
};

static const char * const gender_age_columns[] = {
  "by_gender_and_age_band", "woman", "man", "other", "unstated", "unknown", "total",
};

static const char * const municipalities_columns[] = { "municipalities", "participants" };
static const char * const languages_columns[] = { "languages", "participants" };
static const char * const interests_columns[] = { "interests", "participants" };
static const char * const interpreters_columns[] = { "interpreter_languages", "tickets", "registrations" };
static const char * const employment_columns[] = { "employment", "participants" };
static const char * const education_columns[] = { "education", "participants" };
static const char * const outcomes_gender_columns[] = {
  "outcomes_by_gender", "first_visits_90_days_ago", "work_or_studies_within_90_days", "share_percent",
};
static const char * const outcomes_age_columns[] = {
  "outcomes_by_age_band", "first_visits_90_days_ago", "work_or_studies_within_90_days", "share_percent",
};
static const char * const outcomes_columns[] = { "outcomes", "participants" };

static const struct {
  const char * const *columns;
  guint               n_columns;
} sections[] = {
  [LOTSEN_REPORT_SECTION_GENDER_AGE]     = { gender_age_columns, G_N_ELEMENTS (gender_age_columns) },
  [LOTSEN_REPORT_SECTION_MUNICIPALITIES] = { municipalities_columns, G_N_ELEMENTS (municipalities_columns) },
  [LOTSEN_REPORT_SECTION_LANGUAGES]      = { languages_columns, G_N_ELEMENTS (languages_columns) },
  [LOTSEN_REPORT_SECTION_INTERESTS]      = { interests_columns, G_N_ELEMENTS (interests_columns) },
  [LOTSEN_REPORT_SECTION_INTERPRETERS]   = { interpreters_columns, G_N_ELEMENTS (interpreters_columns) },
  [LOTSEN_REPORT_SECTION_EMPLOYMENT]     = { employment_columns, G_N_ELEMENTS (employment_columns) },
  [LOTSEN_REPORT_SECTION_EDUCATION]      = { education_columns, G_N_ELEMENTS (education_columns) },
  [LOTSEN_REPORT_SECTION_OUTCOMES_GENDER] = { outcomes_gender_columns, G_N_ELEMENTS (outcomes_gender_columns) },
  [LOTSEN_REPORT_SECTION_OUTCOMES_AGE]    = { outcomes_age_columns, G_N_ELEMENTS (outcomes_age_columns) },
  [LOTSEN_REPORT_SECTION_OUTCOMES]        = { outcomes_columns, G_N_ELEMENTS (outcomes_columns) },
  [LOTSEN_REPORT_SECTION_MONTHS]        = { months_columns, G_N_ELEMENTS (months_columns) },
  [LOTSEN_REPORT_SECTION_MONTHS_GENDER] = { months_gender_columns, G_N_ELEMENTS (months_gender_columns) },
  [LOTSEN_REPORT_SECTION_MONTHS_AGE]    = { months_age_columns, G_N_ELEMENTS (months_age_columns) },
  [LOTSEN_REPORT_SECTION_GENDER]        = { gender_columns, G_N_ELEMENTS (gender_columns) },
  [LOTSEN_REPORT_SECTION_AGE]           = { age_columns, G_N_ELEMENTS (age_columns) },
  [LOTSEN_REPORT_SECTION_ACTIVITIES]    = { activities_columns, G_N_ELEMENTS (activities_columns) },
  [LOTSEN_REPORT_SECTION_SERVICES]      = { services_columns, G_N_ELEMENTS (services_columns) },
};

G_STATIC_ASSERT (G_N_ELEMENTS (gender_keys) == LOTSEN_REPORT_N_GENDERS);
G_STATIC_ASSERT (G_N_ELEMENTS (age_keys) == LOTSEN_REPORT_N_AGE_BANDS);
G_STATIC_ASSERT (G_N_ELEMENTS (sections) == LOTSEN_REPORT_N_SECTIONS);
G_STATIC_ASSERT (G_N_ELEMENTS (months_measures) + 1 == G_N_ELEMENTS (months_columns));
G_STATIC_ASSERT (G_N_ELEMENTS (group_measures) + 1 == G_N_ELEMENTS (gender_columns));
G_STATIC_ASSERT (G_N_ELEMENTS (group_measures) + 1 == G_N_ELEMENTS (age_columns));
G_STATIC_ASSERT (LOTSEN_REPORT_N_GENDERS + 1 == G_N_ELEMENTS (months_gender_columns));
G_STATIC_ASSERT (LOTSEN_REPORT_N_AGE_BANDS + 1 == G_N_ELEMENTS (months_age_columns));
G_STATIC_ASSERT (LOTSEN_REPORT_N_GENDERS + 2 == G_N_ELEMENTS (gender_age_columns));

/* The words for the stable keys, in the current gettext language. */
static const struct {
  const char *key;
  const char *label;
} labels[] = {
  /* Translators: a table's first column in the funder report. */
  { "months", N_("Month") },
  { "months_by_gender", N_("Month") },
  { "months_by_age_band", N_("Month") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "by_gender", N_("Gender") },
  { "by_age_band", N_("Age") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "by_gender_and_age_band", N_("Age") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "activities", N_("Activity") },
  /* Translators: a ticket's letter (A, B …), a column of the funder report. */
  { "services", N_("Letter") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "municipalities", N_("Municipality") },
  { "languages", N_("Language") },
  /* Translators: a column of the funder report: what visitors said they want help with. */
  { "interests", N_("Interest") },
  /* Translators: a column of the funder report: the language an interpreter was asked for in. */
  { "interpreter_languages", N_("Interpreter language") },
  /* Translators: a table's first column in the funder report: what a participant did when they registered (ESF+). */
  { "employment", N_("Situation at registration") },
  /* Translators: a table's first column in the funder report: the highest education a participant finished (ESF+). */
  { "education", N_("Highest education") },
  /* Translators: a row of the funder report (ESF+): without work and looking for it. */
  { "unemployed", N_("Unemployed") },
  /* Translators: a row of the funder report (ESF+): in work, self-employed included. */
  { "working", N_("Employed") },
  /* Translators: a row of the funder report (ESF+): in education. */
  { "studying", N_("In education") },
  /* Translators: a row of the funder report (ESF+): neither working nor looking for work. */
  { "inactive", N_("Not in the labour force") },
  /* Translators: a row of the funder report (ESF+): ISCED levels 0–2. */
  { "compulsory", N_("Compulsory school or less") },
  /* Translators: a row of the funder report (ESF+): ISCED levels 3–4. */
  { "upper_secondary", N_("Upper secondary") },
  /* Translators: a row of the funder report (ESF+): ISCED levels 5–8. */
  { "post_secondary", N_("Post-secondary") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "participants", N_("Participants") },
  /* Translators: new participants, a column of the funder report. */
  { "new_participants", N_("New") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "returning_participants", N_("Returning") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "visits", N_("Visits") },
  { "anonymous_visits", N_("Without a person") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "signups", N_("Sign-ups") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "attended", N_("Attended") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "attendees", N_("People attending") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "no_shows", N_("No-shows") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "sessions", N_("Sessions") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "service", N_("Service") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "tickets", N_("Tickets") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "registrations", N_("Registrations") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "called", N_("Called") },
  { "median_wait_seconds", N_("Median wait (min)") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "woman", N_("Women") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "man", N_("Men") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "other", N_("Other") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "unstated", N_("Not stated") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "unknown", N_("Unknown") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "0-15", N_("Under 16") },
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "total", N_("Total") },
  { "swedish", N_("Swedish language") },
  /* Translators: a column of the funder report: people whose first visit was in the period and 90 days or more ago. */
  { "first_visits_90_days_ago", N_("First visit 90 or more days ago") },
  /* Translators: a column of the funder report: of those, the ones with a job or studies that began within 90 days of their first visit. */
  { "work_or_studies_within_90_days", N_("Work or studies within 90 days") },
  /* Translators: a column of the funder report: the share of the two columns before, in per cent. */
  { "share_percent", N_("Share (%)") },
  /* Translators: a table's first column in the funder report: a gender. */
  { "outcomes_by_gender", N_("Gender") },
  /* Translators: a table's first column in the funder report: an age band. */
  { "outcomes_by_age_band", N_("Age") },
  /* Translators: a table's first column in the funder report: what became of participants (work, studies …). */
  { "outcomes", N_("Outcome") },
  { "work", N_("Work") },
  { "studies", N_("Studies") },
  { "housing", N_("Housing") },
  { "health", N_("Health") },
  { "society", N_("Society") },
  { "family", N_("Children and family") },
  { "leisure", N_("Leisure") },
  /* Swedish, which no interpreter is asked for; every other language a
   * visitor can choose or ask an interpreter for has its name from
   * lotsen-interpreter.c, and any other code is shown as it is. */
  /* Translators: a heading or row of the funder report staff send to the centre's funders. */
  { "sv", N_("Swedish") },
};

/**
 * lotsen_report_label:
 * @key: a stable key of the report: a section's, a column's, or a
 *   key cell's (a gender, an age band, an interest, "total")
 *
 * Returns: the words for @key in the current gettext language; @key
 *   itself when it has none (a month, an age band such as "16-24", a
 *   language code the kiosk does not offer)
 */
const char *
lotsen_report_label (const char *key)
{
  const LotsenInterpreterLanguage *language;

  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].key, key))
      return _(labels[i].label);

  /* An outcome's kind ("sfi"). */
  if (lotsen_outcome_kind_is_valid (key))
    return lotsen_outcome_kind_get_name (key);

  /* A language ("ru", "prs"), as a row begins: with a capital where
   * the script has them ("ryska" in running Swedish text). */
  language = lotsen_interpreter_lookup (key);
  if (language != NULL)
    {
      const char *name = lotsen_interpreter_get_name (language);
      const char *rest = g_utf8_next_char (name);
      g_autofree char *first = g_utf8_strup (name, rest - name);
      g_autofree char *row = g_strconcat (first, rest, NULL);

      /* A few dozen names at the most, kept for the process. */
      return g_intern_string (row);
    }

  return key;
}

/**
 * lotsen_report_get_column_label:
 *
 * Returns: the words for a column's key, as lotsen_report_label()
 */
const char *
lotsen_report_get_column_label (LotsenReportSection section,
                                guint               column)
{
  return lotsen_report_label (lotsen_report_get_column (section, column));
}

/**
 * lotsen_report_section_title:
 *
 * Returns: a section's heading in the current gettext language
 */
const char *
lotsen_report_section_title (LotsenReportSection section)
{
  switch (section)
    {
    case LOTSEN_REPORT_SECTION_MONTHS:
      /* Translators: a heading or row of the funder report staff send to the centre's funders. */
      return _("Per month");
    case LOTSEN_REPORT_SECTION_MONTHS_GENDER:
      return _("Participants per month by gender");
    case LOTSEN_REPORT_SECTION_MONTHS_AGE:
      return _("Participants per month by age band");
    case LOTSEN_REPORT_SECTION_GENDER:
      return _("The whole period by gender");
    case LOTSEN_REPORT_SECTION_AGE:
      return _("The whole period by age band");
    case LOTSEN_REPORT_SECTION_ACTIVITIES:
      return _("Activities");
    case LOTSEN_REPORT_SECTION_SERVICES:
      return _("Services and waiting times");
    case LOTSEN_REPORT_SECTION_GENDER_AGE:
      return _("Participants by gender and age band");
    case LOTSEN_REPORT_SECTION_MUNICIPALITIES:
      return _("Participants by municipality");
    case LOTSEN_REPORT_SECTION_LANGUAGES:
      return _("Participants by language");
    case LOTSEN_REPORT_SECTION_INTERESTS:
      return _("Participants by interest");
    case LOTSEN_REPORT_SECTION_INTERPRETERS:
      return _("Interpreter needed, by language");
    case LOTSEN_REPORT_SECTION_EMPLOYMENT:
      return _("Participants by situation at registration (ESF+)");
    case LOTSEN_REPORT_SECTION_EDUCATION:
      return _("Participants by highest education (ESF+)");
    case LOTSEN_REPORT_SECTION_OUTCOMES_GENDER:
      return _("Gender and work or studies within 90 days of the first visit");
    case LOTSEN_REPORT_SECTION_OUTCOMES_AGE:
      return _("Age band and work or studies within 90 days of the first visit");
    case LOTSEN_REPORT_SECTION_OUTCOMES:
      return _("Outcomes that began in the period");
    case LOTSEN_REPORT_N_SECTIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
lotsen_report_gender_to_string (LotsenReportGender gender)
{
  g_return_val_if_fail (gender < LOTSEN_REPORT_N_GENDERS, NULL);

  return gender_keys[gender];
}

const char *
lotsen_report_age_band_to_string (LotsenReportAgeBand band)
{
  g_return_val_if_fail (band < LOTSEN_REPORT_N_AGE_BANDS, NULL);

  return age_keys[band];
}

const char *
lotsen_report_section_to_string (LotsenReportSection section)
{
  g_return_val_if_fail (section < LOTSEN_REPORT_N_SECTIONS, NULL);

  return sections[section].columns[0];
}

/**
 * lotsen_report_get_n_columns:
 *
 * Returns: the columns of @section's table, its first (the row's key or
 *   name) included
 */
guint
lotsen_report_get_n_columns (LotsenReportSection section)
{
  g_return_val_if_fail (section < LOTSEN_REPORT_N_SECTIONS, 0);

  return sections[section].n_columns;
}

/**
 * lotsen_report_get_column:
 *
 * Returns: the stable key of a column: the section's own name for the
 *   first, a measure ("visits"), a gender or an age band for the others
 */
const char *
lotsen_report_get_column (LotsenReportSection section,
                          guint               column)
{
  g_return_val_if_fail (section < LOTSEN_REPORT_N_SECTIONS, NULL);
  g_return_val_if_fail (column < sections[section].n_columns, NULL);

  return sections[section].columns[column];
}

/**
 * lotsen_report_get_n_rows:
 *
 * Returns: the rows of @section's table, not counting its header; the
 *   month sections end with a "total" row, services with a "total" row
 */
guint
lotsen_report_get_n_rows (const LotsenReport  *report,
                          LotsenReportSection  section)
{
  g_return_val_if_fail (report != NULL, 0);

  switch (section)
    {
    case LOTSEN_REPORT_SECTION_MONTHS:
    case LOTSEN_REPORT_SECTION_MONTHS_GENDER:
    case LOTSEN_REPORT_SECTION_MONTHS_AGE:
      return report->months->len + 1;
    case LOTSEN_REPORT_SECTION_GENDER:
      return LOTSEN_REPORT_N_GENDERS;
    case LOTSEN_REPORT_SECTION_AGE:
      return LOTSEN_REPORT_N_AGE_BANDS;
    case LOTSEN_REPORT_SECTION_ACTIVITIES:
      return report->activities->len;
    case LOTSEN_REPORT_SECTION_SERVICES:
      return report->services->len + 1;
    case LOTSEN_REPORT_SECTION_GENDER_AGE:
      return LOTSEN_REPORT_N_AGE_BANDS + 1;
    case LOTSEN_REPORT_SECTION_MUNICIPALITIES:
      return report->municipalities->len;
    case LOTSEN_REPORT_SECTION_LANGUAGES:
      return report->languages->len;
    case LOTSEN_REPORT_SECTION_INTERESTS:
      return report->interests->len;
    case LOTSEN_REPORT_SECTION_INTERPRETERS:
      return report->interpreters->len + 1;
    case LOTSEN_REPORT_SECTION_EMPLOYMENT:
      return report->employments->len;
    case LOTSEN_REPORT_SECTION_EDUCATION:
      return report->educations->len;
    case LOTSEN_REPORT_SECTION_OUTCOMES_GENDER:
      return LOTSEN_REPORT_N_GENDERS + 1;
    case LOTSEN_REPORT_SECTION_OUTCOMES_AGE:
      return LOTSEN_REPORT_N_AGE_BANDS + 1;
    case LOTSEN_REPORT_SECTION_OUTCOMES:
      return report->outcomes->len + 1;
    case LOTSEN_REPORT_N_SECTIONS:
    default:
      g_return_val_if_reached (0);
    }
}

static guint
measure (const LotsenReportCounts *counts,
         Measure                   which)
{
  switch (which)
    {
    case MEASURE_PARTICIPANTS: return counts->participants;
    case MEASURE_NEW:          return counts->new_participants;
    case MEASURE_RETURNING:    return counts->participants - counts->new_participants;
    case MEASURE_VISITS:       return counts->visits;
    case MEASURE_ANONYMOUS:    return counts->anonymous_visits;
    case MEASURE_SIGNUPS:      return counts->signups;
    case MEASURE_ATTENDED:     return counts->attended;
    case MEASURE_ATTENDEES:    return counts->attendees;
    case MEASURE_NO_SHOWS:     return counts->no_shows;
    default:
      g_assert_not_reached ();
    }
}

static LotsenReportCellKind
set_number (gint64 *number,
            gint64  value)
{
  *number = value;
  return LOTSEN_REPORT_CELL_NUMBER;
}

static LotsenReportCellKind
set_text (const char           **text,
          const char            *value,
          LotsenReportCellKind   kind)
{
  *text = value;
  return kind;
}

static LotsenReportCellKind
get_service_cell (const LotsenReport  *report,
                  guint                row,
                  guint                column,
                  const char         **text,
                  gint64              *number)
{
  const LotsenReportService *service;
  guint tickets = 0, called = 0, no_shows = 0;

  if (row < report->services->len)
    {
      service = report->services->pdata[row];
      switch (column)
        {
        case 0: return set_text (text, service->prefix, LOTSEN_REPORT_CELL_NAME);
        case 1: return set_text (text, service->name, LOTSEN_REPORT_CELL_NAME);
        case 2: return set_number (number, service->tickets);
        case 3: return set_number (number, service->called);
        case 4: return set_number (number, service->no_shows);
        default:
          if (service->median_wait < 0)
            return LOTSEN_REPORT_CELL_EMPTY;
          return set_number (number, service->median_wait);
        }
    }

  /* The total row. */
  for (guint i = 0; i < report->services->len; i++)
    {
      service = report->services->pdata[i];
      tickets += service->tickets;
      called += service->called;
      no_shows += service->no_shows;
    }

  switch (column)
    {
    case 0: return set_text (text, "total", LOTSEN_REPORT_CELL_TEXT);
    case 1: return LOTSEN_REPORT_CELL_EMPTY;
    case 2: return set_number (number, tickets);
    case 3: return set_number (number, called);
    case 4: return set_number (number, no_shows);
    default:
      if (report->median_wait < 0)
        return LOTSEN_REPORT_CELL_EMPTY;
      return set_number (number, report->median_wait);
    }
}

/* Participants of the period: a row an age band, a column a gender,
 * with the totals of each as the last column and row. */
static LotsenReportCellKind
get_gender_age_cell (const LotsenReport  *report,
                     guint                row,
                     guint                column,
                     const char         **text,
                     gint64              *number)
{
  guint sum = 0;

  if (column == 0)
    return set_text (text, row < LOTSEN_REPORT_N_AGE_BANDS ? age_keys[row] : "total", LOTSEN_REPORT_CELL_TEXT);

  for (guint g = 0; g < LOTSEN_REPORT_N_GENDERS; g++)
    for (guint a = 0; a < LOTSEN_REPORT_N_AGE_BANDS; a++)
      if ((column - 1 == g || column - 1 == LOTSEN_REPORT_N_GENDERS) &&
          (row == a || row == LOTSEN_REPORT_N_AGE_BANDS))
        sum += report->participants_by_gender_age[g][a];

  return set_number (number, sum);
}

static LotsenReportCellKind
get_interpreter_cell (const LotsenReport  *report,
                      guint                row,
                      guint                column,
                      const char         **text,
                      gint64              *number)
{
  guint sum = 0;

  if (row < report->interpreters->len)
    {
      const LotsenReportRow *data = report->interpreters->pdata[row];

      if (column == 0)
        return set_text (text, data->key, LOTSEN_REPORT_CELL_TEXT);
      return set_number (number, column == 1 ? data->count : data->count2);
    }

  if (column == 0)
    return set_text (text, "total", LOTSEN_REPORT_CELL_TEXT);
  for (guint i = 0; i < report->interpreters->len; i++)
    {
      const LotsenReportRow *data = report->interpreters->pdata[i];

      sum += column == 1 ? data->count : data->count2;
    }
  return set_number (number, sum);
}

/* In work or studies within 90 days: a row a gender (or an age band),
 * then the total; the share in whole per cent, empty without anyone. */
static LotsenReportCellKind
get_outcome_share_cell (const LotsenReport  *report,
                        gboolean             by_gender,
                        guint                row,
                        guint                column,
                        const char         **text,
                        gint64              *number)
{
  guint n_rows = by_gender ? LOTSEN_REPORT_N_GENDERS : LOTSEN_REPORT_N_AGE_BANDS;
  guint cohort = 0, within = 0;

  if (column == 0)
    return set_text (text, row == n_rows ? "total" : by_gender ? gender_keys[row] : age_keys[row],
                     LOTSEN_REPORT_CELL_TEXT);

  for (guint g = 0; g < LOTSEN_REPORT_N_GENDERS; g++)
    for (guint a = 0; a < LOTSEN_REPORT_N_AGE_BANDS; a++)
      if (row == n_rows || (by_gender ? g : a) == row)
        {
          cohort += report->outcome_cohort[g][a];
          within += report->outcome_within[g][a];
        }

  switch (column)
    {
    case 1: return set_number (number, cohort);
    case 2: return set_number (number, within);
    default:
      if (cohort == 0)
        return LOTSEN_REPORT_CELL_EMPTY;
      return set_number (number, (within * 200 + cohort) / (2 * cohort));
    }
}

/**
 * lotsen_report_get_cell:
 * @text: (out): for a text or name cell: its text, owned by @report
 * @number: (out): for a number cell: its value
 *
 * One cell of @section's table, as every writer shows it.  A number that
 * does not exist (the median wait of a service nobody was called to) is
 * %LOTSEN_REPORT_CELL_EMPTY.
 *
 * Returns: what the cell holds
 */
LotsenReportCellKind
lotsen_report_get_cell (const LotsenReport   *report,
                        LotsenReportSection   section,
                        guint                 row,
                        guint                 column,
                        const char          **text,
                        gint64               *number)
{
  const LotsenReportMonth *month;
  const LotsenReportActivity *activity;
  const LotsenReportRow *row_data;

  g_return_val_if_fail (report != NULL, LOTSEN_REPORT_CELL_EMPTY);
  g_return_val_if_fail (text != NULL && number != NULL, LOTSEN_REPORT_CELL_EMPTY);
  g_return_val_if_fail (row < lotsen_report_get_n_rows (report, section), LOTSEN_REPORT_CELL_EMPTY);
  g_return_val_if_fail (column < lotsen_report_get_n_columns (section), LOTSEN_REPORT_CELL_EMPTY);

  *text = NULL;
  *number = 0;

  switch (section)
    {
    case LOTSEN_REPORT_SECTION_MONTHS:
    case LOTSEN_REPORT_SECTION_MONTHS_GENDER:
    case LOTSEN_REPORT_SECTION_MONTHS_AGE:
      month = row < report->months->len ? report->months->pdata[row] : report->total;
      if (column == 0)
        return set_text (text, month->key, LOTSEN_REPORT_CELL_TEXT);
      if (section == LOTSEN_REPORT_SECTION_MONTHS)
        return set_number (number, measure (&month->counts, months_measures[column - 1]));
      if (section == LOTSEN_REPORT_SECTION_MONTHS_GENDER)
        return set_number (number, month->participants_by_gender[column - 1]);
      return set_number (number, month->participants_by_age[column - 1]);

    case LOTSEN_REPORT_SECTION_GENDER:
      if (column == 0)
        return set_text (text, gender_keys[row], LOTSEN_REPORT_CELL_TEXT);
      return set_number (number, measure (&report->by_gender[row], group_measures[column - 1]));

    case LOTSEN_REPORT_SECTION_AGE:
      if (column == 0)
        return set_text (text, age_keys[row], LOTSEN_REPORT_CELL_TEXT);
      return set_number (number, measure (&report->by_age[row], group_measures[column - 1]));

    case LOTSEN_REPORT_SECTION_ACTIVITIES:
      activity = report->activities->pdata[row];
      switch (column)
        {
        case 0: return set_text (text, activity->title, LOTSEN_REPORT_CELL_NAME);
        case 1: return set_number (number, activity->sessions);
        case 2: return set_number (number, activity->signups);
        case 3: return set_number (number, activity->attended);
        case 4: return set_number (number, activity->attendees);
        default: return set_number (number, activity->no_shows);
        }

    case LOTSEN_REPORT_SECTION_SERVICES:
      return get_service_cell (report, row, column, text, number);

    case LOTSEN_REPORT_SECTION_GENDER_AGE:
      return get_gender_age_cell (report, row, column, text, number);

    case LOTSEN_REPORT_SECTION_MUNICIPALITIES:
      row_data = report->municipalities->pdata[row];
      if (column == 0)
        return set_text (text, row_data->key,
                         g_str_equal (row_data->key, "unknown") && row + 1 == report->municipalities->len
                         ? LOTSEN_REPORT_CELL_TEXT : LOTSEN_REPORT_CELL_NAME);
      return set_number (number, row_data->count);

    case LOTSEN_REPORT_SECTION_LANGUAGES:
    case LOTSEN_REPORT_SECTION_INTERESTS:
    case LOTSEN_REPORT_SECTION_EMPLOYMENT:
    case LOTSEN_REPORT_SECTION_EDUCATION:
      row_data = (section == LOTSEN_REPORT_SECTION_LANGUAGES ? report->languages :
                  section == LOTSEN_REPORT_SECTION_INTERESTS ? report->interests :
                  section == LOTSEN_REPORT_SECTION_EMPLOYMENT ? report->employments :
                  report->educations)->pdata[row];
      if (column == 0)
        return set_text (text, row_data->key, LOTSEN_REPORT_CELL_TEXT);
      return set_number (number, row_data->count);

    case LOTSEN_REPORT_SECTION_INTERPRETERS:
      return get_interpreter_cell (report, row, column, text, number);

    case LOTSEN_REPORT_SECTION_OUTCOMES_GENDER:
    case LOTSEN_REPORT_SECTION_OUTCOMES_AGE:
      return get_outcome_share_cell (report, section == LOTSEN_REPORT_SECTION_OUTCOMES_GENDER,
                                     row, column, text, number);

    case LOTSEN_REPORT_SECTION_OUTCOMES:
      if (row < report->outcomes->len)
        {
          row_data = report->outcomes->pdata[row];
          if (column == 0)
            return set_text (text, row_data->key, LOTSEN_REPORT_CELL_TEXT);
          return set_number (number, row_data->count);
        }
      if (column == 0)
        return set_text (text, "total", LOTSEN_REPORT_CELL_TEXT);
      {
        guint sum = 0;

        for (guint i = 0; i < report->outcomes->len; i++)
          sum += ((const LotsenReportRow *) report->outcomes->pdata[i])->count;
        return set_number (number, sum);
      }

    case LOTSEN_REPORT_N_SECTIONS:
    default:
      g_return_val_if_reached (LOTSEN_REPORT_CELL_EMPTY);
    }
}
