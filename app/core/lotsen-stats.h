/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lotsen-store.h"

G_BEGIN_DECLS

/* The person's gender as registered; UNKNOWN: no person (an anonymous
 * ticket or sign-up) or no gender stored.  Keys: "woman", "man", "other",
 * "unstated", "unknown". */
typedef enum {
  LOTSEN_REPORT_GENDER_WOMAN,
  LOTSEN_REPORT_GENDER_MAN,
  LOTSEN_REPORT_GENDER_OTHER,
  LOTSEN_REPORT_GENDER_UNSTATED,
  LOTSEN_REPORT_GENDER_UNKNOWN,
  LOTSEN_REPORT_N_GENDERS,
} LotsenReportGender;

/* Age in the year the period starts (that year minus the birth year).
 * Keys: "0-15", "16-24", "25-34", "35-44", "45-54", "55-64", "65+",
 * "unknown" (no person, or no birth year). */
typedef enum {
  LOTSEN_REPORT_AGE_UNDER_16,
  LOTSEN_REPORT_AGE_16_24,
  LOTSEN_REPORT_AGE_25_34,
  LOTSEN_REPORT_AGE_35_44,
  LOTSEN_REPORT_AGE_45_54,
  LOTSEN_REPORT_AGE_55_64,
  LOTSEN_REPORT_AGE_65_PLUS,
  LOTSEN_REPORT_AGE_UNKNOWN,
  LOTSEN_REPORT_N_AGE_BANDS,
} LotsenReportAgeBand;

/* What happened in one stretch of time, for one group of people.
 *
 * A visit is a ticket taken (whatever became of it) or a sign-up marked
 * attended.  A participant is a registered person with at least one
 * visit, or someone who signed up with a name and a phone number and
 * came (an attended sign-up without a personal code), counted once per
 * phone number (a registered visitor's number: as that visitor); each
 * counted once however many visits they made.  A
 * participant is new in the month of their very first visit, when that
 * month is in the period, so that the months' new participants add up
 * to the period's.  Sessions and their sign-ups count once the session
 * has started (a report made in the middle of a month leaves out the
 * sessions still to come), by the session's start; sign-ups are those
 * not cancelled.  Attendees are the people an attended sign-up brought
 * (its party size). */
typedef struct
{
  guint participants;
  guint new_participants; /* first visit ever within the same stretch of time */
  guint visits;
  guint anonymous_visits; /* visits without a person: tickets taken without a code */
  guint signups;
  guint attended;
  guint attendees;
  guint no_shows;
} LotsenReportCounts;

typedef struct
{
  char               *key;   /* the local month, "YYYY-MM", or "total" for the whole period */
  gint64              start; /* the part of the period in it: [start, end) */
  gint64              end;
  LotsenReportCounts  counts;
  guint               participants_by_gender[LOTSEN_REPORT_N_GENDERS];
  guint               participants_by_age[LOTSEN_REPORT_N_AGE_BANDS];
} LotsenReportMonth;

typedef struct
{
  char  *title;    /* in Swedish, or in some language when there is no Swedish */
  guint  sessions; /* held in the period, not cancelled */
  guint  signups;
  guint  attended;
  guint  attendees;
  guint  no_shows;
} LotsenReportActivity;

/* A row of a breakdown: a key (a municipality as written, a language
 * code, an interest's key, "unknown") and one or two numbers. */
typedef struct
{
  char  *key;
  guint  count;  /* participants; for interpreters: tickets */
  guint  count2; /* for interpreters: registrations */
} LotsenReportRow;

typedef struct
{
  char   *prefix;
  char   *name;        /* in Swedish, or in some language when there is no Swedish */
  guint   tickets;
  guint   called;      /* of those, called to a desk */
  guint   no_shows;
  gint64  median_wait; /* seconds from taking to being called; -1 when none was called */
} LotsenReportService;

typedef struct
{
  gint64              from;      /* [from, to), unix seconds */
  gint64              to;
  int                 age_year;  /* the local year of @from, that ages are counted at */
  char               *site_name;    /* the setting "site_name", or "Lotsen" */
  char               *project_name; /* the setting "project_name", or NULL */
  gint64              sessions_until; /* sessions that start before this are counted: min (to, made_at) */
  gint64              made_at;
  GPtrArray          *months;    /* LotsenReportMonth, in order */
  LotsenReportMonth  *total;     /* the whole period; participants counted once */
  LotsenReportCounts  by_gender[LOTSEN_REPORT_N_GENDERS];
  LotsenReportCounts  by_age[LOTSEN_REPORT_N_AGE_BANDS];
  GPtrArray          *activities; /* LotsenReportActivity, by title */
  GPtrArray          *services;   /* LotsenReportService, in the kiosk's order */
  gint64              median_wait; /* over every service; -1 when none was called */
  guint               participants_by_gender_age[LOTSEN_REPORT_N_GENDERS][LOTSEN_REPORT_N_AGE_BANDS];
  GPtrArray          *municipalities; /* LotsenReportRow: participants, most first, "unknown" last */
  GPtrArray          *languages;      /* LotsenReportRow: participants by the language they chose */
  GPtrArray          *interests;      /* LotsenReportRow: participants an interest, "unknown" last */
  GPtrArray          *interpreters;   /* LotsenReportRow: tickets and registrations asking for one, by code */
  /* LotsenReportRow: participants by their ESF+ answers at registration,
   * every answer in the kiosk's order, then "unknown" (not asked) */
  GPtrArray          *employments;
  GPtrArray          *educations;
  /* Participants whose first visit was in the period and at least 90
   * days before the report, and of them those in work or studies that
   * began within 90 days of it (lotsen-outcome.c); every outcome that
   * began in the period, by kind (LotsenReportRow, in the kinds' order). */
  guint               outcome_cohort[LOTSEN_REPORT_N_GENDERS][LOTSEN_REPORT_N_AGE_BANDS];
  guint               outcome_within[LOTSEN_REPORT_N_GENDERS][LOTSEN_REPORT_N_AGE_BANDS];
  GPtrArray          *outcomes;
} LotsenReport;

/* The report as tables, the same for every writer. */
typedef enum {
  LOTSEN_REPORT_SECTION_MONTHS,        /* a row a month, then "total" */
  LOTSEN_REPORT_SECTION_MONTHS_GENDER, /* participants a month, a column a gender */
  LOTSEN_REPORT_SECTION_MONTHS_AGE,    /* participants a month, a column an age band */
  LOTSEN_REPORT_SECTION_GENDER,        /* the period, a row a gender */
  LOTSEN_REPORT_SECTION_AGE,           /* the period, a row an age band */
  LOTSEN_REPORT_SECTION_ACTIVITIES,
  LOTSEN_REPORT_SECTION_SERVICES,
  LOTSEN_REPORT_SECTION_GENDER_AGE,    /* participants of the period, a row an age band, a column a gender */
  LOTSEN_REPORT_SECTION_MUNICIPALITIES,
  LOTSEN_REPORT_SECTION_LANGUAGES,
  LOTSEN_REPORT_SECTION_INTERESTS,
  LOTSEN_REPORT_SECTION_INTERPRETERS,  /* tickets and registrations by interpreter language */
  LOTSEN_REPORT_SECTION_EMPLOYMENT,    /* ESF+: participants by employment situation at registration */
  LOTSEN_REPORT_SECTION_EDUCATION,     /* ESF+: participants by highest education */
  LOTSEN_REPORT_SECTION_OUTCOMES_GENDER, /* in work or studies within 90 days, a row a gender */
  LOTSEN_REPORT_SECTION_OUTCOMES_AGE,    /* the same, a row an age band */
  LOTSEN_REPORT_SECTION_OUTCOMES,        /* outcomes that began in the period, a row a kind */
  LOTSEN_REPORT_N_SECTIONS,
} LotsenReportSection;

typedef enum {
  LOTSEN_REPORT_CELL_EMPTY,
  LOTSEN_REPORT_CELL_TEXT,   /* a key (month, gender, age band) in a section's first column */
  LOTSEN_REPORT_CELL_NAME,   /* staff-entered text: an activity's title, a service's name */
  LOTSEN_REPORT_CELL_NUMBER,
} LotsenReportCellKind;

typedef enum {
  LOTSEN_REPORT_CSV,
  LOTSEN_REPORT_XLSX,
} LotsenReportFormat;

const char           *lotsen_report_gender_to_string    (LotsenReportGender    gender);
const char           *lotsen_report_age_band_to_string  (LotsenReportAgeBand   band);

LotsenReport         *lotsen_report_new                 (LotsenStore          *store,
                                                         gint64                from,
                                                         gint64                to,
                                                         GError              **error);
void                  lotsen_report_free                (LotsenReport         *report);

const char           *lotsen_report_section_to_string   (LotsenReportSection   section);
const char           *lotsen_report_section_title       (LotsenReportSection   section);
const char           *lotsen_report_label               (const char           *key);
const char           *lotsen_report_get_column_label    (LotsenReportSection   section,
                                                         guint                 column);
guint                 lotsen_report_get_n_columns       (LotsenReportSection   section);
const char           *lotsen_report_get_column          (LotsenReportSection   section,
                                                         guint                 column);
guint                 lotsen_report_get_n_rows          (const LotsenReport   *report,
                                                         LotsenReportSection   section);
LotsenReportCellKind  lotsen_report_get_cell            (const LotsenReport   *report,
                                                         LotsenReportSection   section,
                                                         guint                 row,
                                                         guint                 column,
                                                         const char          **text,
                                                         gint64               *number);

gboolean              lotsen_report_write_csv           (const LotsenReport   *report,
                                                         char                  separator,
                                                         GOutputStream        *out,
                                                         GError              **error);
gboolean              lotsen_report_to_file             (LotsenStore          *store,
                                                         const LotsenReport   *report,
                                                         LotsenReportFormat    format,
                                                         const char           *path,
                                                         GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsenReport, lotsen_report_free)

G_END_DECLS
