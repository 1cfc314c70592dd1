/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by lotsen-stats.c and lotsen-report-waits.c only. */
#pragma once

#include "lotsen-stats.h"
#include "lotsen-store-private.h"

G_BEGIN_DECLS

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
