/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOTSEN_TYPE_TILE (lotsen_tile_get_type ())
G_DECLARE_FINAL_TYPE (LotsenTile, lotsen_tile, LOTSEN, TILE, GtkButton)

GtkWidget  *lotsen_tile_new           (const char *pictogram,
                                       const char *text);
const char *lotsen_tile_get_text      (LotsenTile *self);
void        lotsen_tile_set_text      (LotsenTile *self,
                                       const char *text);
const char *lotsen_tile_get_pictogram (LotsenTile *self);
void        lotsen_tile_set_pictogram (LotsenTile *self,
                                       const char *pictogram);

G_END_DECLS
