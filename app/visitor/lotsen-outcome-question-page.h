/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOTSEN_TYPE_OUTCOME_QUESTION_PAGE (lotsen_outcome_question_page_get_type ())
G_DECLARE_FINAL_TYPE (LotsenOutcomeQuestionPage, lotsen_outcome_question_page, LOTSEN, OUTCOME_QUESTION_PAGE, GtkWidget)

GtkWidget *lotsen_outcome_question_page_new (void);

G_END_DECLS
