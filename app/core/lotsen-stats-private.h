/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the report's own files (lotsen-stats.c, lotsen-report-waits.c)
 * and the outcome figures (lotsen-outcome.c) only. */
#pragma once

#include "lotsen-stats.h"
#include "lotsen-store-private.h"

G_BEGIN_DECLS

/* A visitor row's LotsenReportGender and LotsenReportAgeBand (the age
 * in the year @year; no birth year: unknown), as SQL expressions: the
 * report and the outcome figures band people the same way. */
#define LOTSEN_REPORT_GENDER_SQL(gender) \
  "CASE " gender " WHEN 'woman' THEN 0 WHEN 'man' THEN 1 WHEN 'other' THEN 2" \
  "                WHEN 'unstated' THEN 3 ELSE 4 END"
#define LOTSEN_REPORT_AGE_BAND_SQL(birth_year, year) \
  "CASE WHEN " birth_year " IS NULL OR " birth_year " <= 0 THEN 7" \
  "     WHEN " year " - " birth_year " < 16 THEN 0" \
  "     WHEN " year " - " birth_year " < 25 THEN 1" \
  "     WHEN " year " - " birth_year " < 35 THEN 2" \
  "     WHEN " year " - " birth_year " < 45 THEN 3" \
  "     WHEN " year " - " birth_year " < 55 THEN 4" \
  "     WHEN " year " - " birth_year " < 65 THEN 5" \
  "     ELSE 6 END"

/* Waits of 0 … 4 hours are counted a second each; any other wait is
 * kept in a list beside the counts. */
#define WAIT_BINS (4 * 3600)

/* Waiting times, exactly: how many waited each second up to WAIT_BINS,
 * and the rare other waits as they are.  Any median is then found in
 * one walk over the counts. */
typedef struct
{
  guint32 *bins;     /* allocated with the first wait */
  GArray  *outliers; /* gint64 */
  guint64  n;
} LotsenWaits;

void   lotsen_waits_add    (LotsenWaits       *waits,
                            gint64             wait);
void   lotsen_waits_merge  (LotsenWaits       *sum,
                            const LotsenWaits *waits);
void   lotsen_waits_clear  (LotsenWaits       *waits);
gint64 lotsen_waits_median (LotsenWaits       *waits);

G_END_DECLS
