/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lotsen-store.h"

G_BEGIN_DECLS

/* What a participant went on to; the keys are stored as they are. */
typedef enum
{
  LOTSEN_OUTCOME_WORK,                 /* work, as a visitor answered at the kiosk */
  LOTSEN_OUTCOME_WORK_EMPLOYED,
  LOTSEN_OUTCOME_WORK_OWN_BUSINESS,
  LOTSEN_OUTCOME_STUDIES,              /* studies, as a visitor answered */
  LOTSEN_OUTCOME_STUDIES_SFI,
  LOTSEN_OUTCOME_STUDIES_KOMVUX,
  LOTSEN_OUTCOME_STUDIES_FOLKHOGSKOLA,
  LOTSEN_OUTCOME_STUDIES_UNIVERSITY,
  LOTSEN_OUTCOME_STUDIES_VOCATIONAL,
  LOTSEN_OUTCOME_INTERNSHIP,
  LOTSEN_OUTCOME_OTHER,
  LOTSEN_OUTCOME_N_KINDS,
} LotsenOutcomeKind;

typedef enum
{
  LOTSEN_OUTCOME_BY_STAFF,
  LOTSEN_OUTCOME_BY_VISITOR,
} LotsenOutcomeReporter;

#define LOTSEN_FOLLOW_UP_DAYS_DEFAULT 90
#define LOTSEN_FOLLOW_UP_DAYS_MIN     1
#define LOTSEN_FOLLOW_UP_DAYS_MAX     3650
/* The kiosk asks a visitor again after this many days at the soonest. */
#define LOTSEN_OUTCOME_ASK_AGAIN_DAYS 30

typedef struct
{
  gint64                 id;
  gint64                 visitor_id;
  char                  *code;
  LotsenOutcomeKind      kind;
  char                  *begin_date;  /* YYYY-MM-DD */
  LotsenOutcomeReporter  reported_by;
  char                  *note;        /* optional */
  gint64                 created_at;
  gint64                 updated_at;
} LotsenOutcome;

/* A participant to call: no outcome, first visit long enough ago. */
typedef struct
{
  gint64  visitor_id;
  char   *code;
  char   *given_name;
  char   *family_name;
  char   *phone;        /* optional */
  gint64  first_visit;  /* unix seconds */
} LotsenFollowUp;

const char          *lotsen_outcome_kind_to_string   (LotsenOutcomeKind      kind);
gboolean             lotsen_outcome_kind_from_string (const char            *text,
                                                      LotsenOutcomeKind     *kind);
const char          *lotsen_outcome_kind_label       (LotsenOutcomeKind      kind);
gboolean             lotsen_outcome_kind_is_work_or_studies (LotsenOutcomeKind kind);

void                 lotsen_outcome_free             (LotsenOutcome         *outcome);
void                 lotsen_follow_up_free           (LotsenFollowUp        *follow_up);

gint64               lotsen_outcome_set              (LotsenStore           *store,
                                                      gint64                 visitor_id,
                                                      LotsenOutcomeKind      kind,
                                                      const char            *begin_date,
                                                      LotsenOutcomeReporter  reported_by,
                                                      const char            *note,
                                                      GError               **error);
gboolean             lotsen_outcome_correct          (LotsenStore           *store,
                                                      gint64                 outcome_id,
                                                      LotsenOutcomeKind      kind,
                                                      const char            *begin_date,
                                                      const char            *note,
                                                      GError               **error);
GPtrArray           *lotsen_outcome_list             (LotsenStore           *store,
                                                      gint64                 visitor_id,
                                                      GError               **error);

gint64               lotsen_outcome_first_visit      (LotsenStore           *store,
                                                      gint64                 visitor_id);
guint                lotsen_outcome_get_follow_up_days (LotsenStore         *store);
gboolean             lotsen_outcome_set_follow_up_days (LotsenStore         *store,
                                                      guint                  days,
                                                      GError               **error);
GPtrArray           *lotsen_outcome_list_due         (LotsenStore           *store,
                                                      GError               **error);
gboolean             lotsen_outcome_export_due       (LotsenStore           *store,
                                                      const char            *path,
                                                      GError               **error);

gboolean             lotsen_outcome_should_ask       (LotsenStore           *store,
                                                      gint64                 visitor_id);
gboolean             lotsen_outcome_mark_asked       (LotsenStore           *store,
                                                      gint64                 visitor_id,
                                                      GError               **error);
gint64               lotsen_outcome_answer           (LotsenStore           *store,
                                                      gint64                 visitor_id,
                                                      LotsenOutcomeKind      kind,
                                                      GError               **error);

/* The report's outcome figures (lotsen-stats-outcomes.c). */
#define LOTSEN_OUTCOME_WITHIN_DAYS 90

typedef struct
{
  /* Whose first visit ever was in the period, and of them, those with
   * work or studies that began within 90 days of it. */
  guint new_participants;
  guint work_or_studies;
  guint new_by_gender[5];
  guint work_or_studies_by_gender[5];
  guint new_by_age[8];
  guint work_or_studies_by_age[8];
  /* Outcomes that began in the period, by kind. */
  guint by_kind[LOTSEN_OUTCOME_N_KINDS];
  guint total;
} LotsenOutcomeFigures;

gboolean             lotsen_stats_outcomes           (LotsenStore           *store,
                                                      gint64                 from,
                                                      gint64                 to,
                                                      LotsenOutcomeFigures  *figures,
                                                      GError               **error);
double               lotsen_outcome_share            (guint                  part,
                                                      guint                  whole);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsenOutcome, lotsen_outcome_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsenFollowUp, lotsen_follow_up_free)

G_END_DECLS
