/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lotsen-stats.h"
#include "lotsen-store.h"

G_BEGIN_DECLS

/* How many days after the first visit the follow-up is due, and the
 * window the funder's "in work or studies within 90 days" counts. */
#define LOTSEN_OUTCOME_FOLLOW_UP_DAYS_DEFAULT 90
#define LOTSEN_OUTCOME_FOLLOW_UP_DAYS_MIN     1
#define LOTSEN_OUTCOME_FOLLOW_UP_DAYS_MAX     3650
/* The funder's window: "in work or studies within 90 days". */
#define LOTSEN_OUTCOME_WINDOW_DAYS 90
/* A visitor asked at the kiosk is not asked again for this many days. */
#define LOTSEN_OUTCOME_ASK_AGAIN_DAYS 30

/* What an outcome counts as in the report. */
typedef enum {
  LOTSEN_OUTCOME_GROUP_WORK,       /* employed, own business */
  LOTSEN_OUTCOME_GROUP_STUDIES,    /* SFI, komvux, folkhögskola, university, vocational */
  LOTSEN_OUTCOME_GROUP_INTERNSHIP, /* internship or labour-market programme */
  LOTSEN_OUTCOME_GROUP_OTHER,
  LOTSEN_OUTCOME_N_GROUPS,
} LotsenOutcomeGroup;

typedef enum {
  LOTSEN_OUTCOME_BY_STAFF,
  LOTSEN_OUTCOME_BY_VISITOR,
} LotsenOutcomeReporter;

typedef struct
{
  gint64                 id;
  gint64                 visitor_id;
  char                  *code;        /* the visitor's personal code; nullable */
  char                  *kind;        /* a key of lotsen_outcome_get_kinds() */
  char                  *begins_on;   /* YYYY-MM-DD, local */
  LotsenOutcomeReporter  reported_by;
  char                  *note;        /* nullable */
  gint64                 changed_at;
} LotsenOutcome;

/* A participant due for a follow-up call. */
typedef struct
{
  gint64  visitor_id;
  char   *code;
  char   *name;        /* given and family name; nullable once anonymised */
  char   *phone;       /* nullable */
  gint64  first_visit;
} LotsenFollowUp;

/* The report's outcome figures for a period. */
typedef struct
{
  /* Participants whose first visit was in the period and at least the
   * follow-up days before the report, by gender × age band; and of
   * those, the ones with work or studies that began within that many
   * days of the first visit. */
  guint cohort[LOTSEN_REPORT_N_GENDERS][LOTSEN_REPORT_N_AGE_BANDS];
  guint within[LOTSEN_REPORT_N_GENDERS][LOTSEN_REPORT_N_AGE_BANDS];
  guint cohort_total;
  guint within_total;
  guint days;
  /* Every outcome that began in the period, by kind (index into
   * lotsen_outcome_get_kinds()). */
  guint *by_kind;
  guint  n_kinds;
} LotsenOutcomeFigures;

const char * const *lotsen_outcome_get_kinds        (guint                 *n_kinds);
gboolean            lotsen_outcome_kind_is_valid    (const char            *kind);
const char         *lotsen_outcome_kind_get_name    (const char            *kind);
LotsenOutcomeGroup  lotsen_outcome_kind_get_group   (const char            *kind);

gboolean            lotsen_outcome_set              (LotsenStore           *store,
                                                     gint64                 visitor_id,
                                                     const char            *kind,
                                                     const char            *begins_on,
                                                     LotsenOutcomeReporter  reported_by,
                                                     const char            *note,
                                                     GError               **error);
gboolean            lotsen_outcome_remove           (LotsenStore           *store,
                                                     gint64                 visitor_id,
                                                     const char            *kind,
                                                     GError               **error);
GPtrArray          *lotsen_outcome_list             (LotsenStore           *store,
                                                     gint64                 visitor_id,
                                                     GError               **error);
void                lotsen_outcome_free             (LotsenOutcome         *outcome);

guint               lotsen_outcome_get_follow_up_days (LotsenStore         *store);
gboolean            lotsen_outcome_set_follow_up_days (LotsenStore         *store,
                                                     const char          *days,
                                                     GError             **error);
GPtrArray          *lotsen_outcome_list_follow_up   (LotsenStore           *store,
                                                     GError               **error);
GPtrArray          *lotsen_outcome_find_participants (LotsenStore         *store,
                                                     const char          *text,
                                                     GError             **error);
gboolean            lotsen_outcome_export_follow_up (LotsenStore           *store,
                                                     const char            *path,
                                                     GError               **error);
void                lotsen_follow_up_free           (LotsenFollowUp        *follow_up);

gboolean            lotsen_outcome_should_ask       (LotsenStore           *store,
                                                     gint64                 visitor_id);
gboolean            lotsen_outcome_record_asked     (LotsenStore           *store,
                                                     gint64                 visitor_id,
                                                     GError               **error);

gboolean            lotsen_outcome_count            (LotsenStore           *store,
                                                     gint64                 from,
                                                     gint64                 to,
                                                     int                    age_year,
                                                     guint                  days,
                                                     LotsenOutcomeFigures  *figures,
                                                     GError               **error);
void                lotsen_outcome_figures_clear    (LotsenOutcomeFigures  *figures);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsenOutcome, lotsen_outcome_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsenFollowUp, lotsen_follow_up_free)

G_END_DECLS
